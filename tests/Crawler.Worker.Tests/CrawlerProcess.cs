using System.Diagnostics;
using System.Text;

namespace Crawler.Worker.Tests;

/// <summary>What one run of the real <c>crawler</c> process did: its exit code and everything it wrote.</summary>
public sealed record CrawlerRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>
/// Runs the real <c>crawler</c> command (<c>dotnet crawler.dll</c> built beside the tests) as a new process, with its
/// stdout and stderr piped, in a working folder of the test's choosing, with no sources file there (so the bundled
/// sample site is the default). Every test that runs the command as a user would goes through it.
/// </summary>
public static class CrawlerProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "crawler.dll");

    public static bool RunningAsRoot => Environment.UserName == "root";

    public static Task<CrawlerRun> RunAsync(string directory, params string[] args) => RunAsync(directory, new Dictionary<string, string?>(), args);

    public static Task<CrawlerRun> RunAsync(string directory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(StartInfo(directory, environment, "dotnet", [Dll, .. args]), args);

    /// <summary>
    /// The crawler as the unprivileged user nobody (through setpriv) when the tests run as root, for whom file modes
    /// grant everything: a read-only folder is read-only to it.
    /// </summary>
    public static Task<CrawlerRun> RunUnprivilegedAsync(string directory, params string[] args) =>
        RunningAsRoot
            ? RunAsync(StartInfo(directory, new Dictionary<string, string?> { ["HOME"] = directory }, "setpriv",
                ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Dll, .. args]), args)
            : RunAsync(directory, args);

    /// <summary>The crawler started and left running (for <c>crawler run</c>, or to be killed mid-crawl); the caller reads and stops it.</summary>
    public static Process Start(string directory, params string[] args) => Start(directory, new Dictionary<string, string?>(), args);

    public static Process Start(string directory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Process.Start(StartInfo(directory, environment, "dotnet", [Dll, .. args])) ?? throw new InvalidOperationException("could not start crawler");

    private static async Task<CrawlerRun> RunAsync(ProcessStartInfo info, string[] args)
    {
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crawler {string.Join(' ', args)} did not exit within 3 minutes");
        }
        return new CrawlerRun(process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(string directory, IReadOnlyDictionary<string, string?> environment, string file, string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // The test's environment is the command's (a test may point it at a server with EnvironmentScope); colour is left to the command.
        info.Environment.Remove("NO_COLOR");
        info.Environment["DOTNET_ENVIRONMENT"] = "Test";
        info.Environment["Fetch__ContactUrl"] = "mailto:tests@example.org";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return info;
    }
}
