using System.CommandLine;
using System.Reflection;

namespace Crawler.Worker.Cli;

/// <summary><c>crawler version</c>: the build, for bug reports.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the crawler's version.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"crawler {version}");
            return 0;
        });
        return command;
    }
}
