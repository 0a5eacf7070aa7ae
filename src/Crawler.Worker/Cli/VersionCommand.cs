using System.CommandLine;
using System.Reflection;

namespace Crawler.Worker.Cli;

/// <summary><c>crawler version</c>: the build, for bug reports.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the crawler's version.");
        command.SetAction(parseResult =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            parseResult.InvocationConfiguration.Output.WriteLine($"crawler {version}");
            return ExitCodes.Success;
        });
        return command;
    }
}
