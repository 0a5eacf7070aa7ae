namespace Crawler.Worker.Tests.Deployment;

/// <summary>A fact skipped, with the reason, when a command-line tool is not on PATH (CI installs it: ops/install-deps.sh).</summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool)
    {
        if (!OnPath(tool)) Skip = $"{tool} is not installed (ops/install-deps.sh --with-test-tools installs it)";
    }

    public static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));
}
