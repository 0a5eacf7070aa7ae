using System.Diagnostics;
using System.Reflection.PortableExecutable;
using Crawler.Tests.Shared;

namespace Crawler.Worker.Tests.Deployment;

/// <summary>
/// The README's install step: <c>ops/install.sh</c> into a temporary prefix gives a ReadyToRun <c>crawler</c> that a
/// shell finds on its PATH and that parses a report.
/// </summary>
public sealed class InstallTests : IDisposable
{
    private readonly string _prefix = Directory.CreateTempSubdirectory("crawler-install-").FullName;

    [Fact]
    public async Task Install_puts_a_ready_to_run_crawler_on_the_path()
    {
        var install = await RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "ops", "install.sh")], new() { ["PREFIX"] = _prefix });

        Assert.True(install.ExitCode == 0, install.Output + install.Error);
        Assert.Contains($"installed {_prefix}/bin/crawler (crawler ", install.Output);
        using (var image = new PEReader(File.OpenRead(Path.Combine(_prefix, "lib", "crawler", "crawler.dll"))))
        {
            Assert.True(image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "crawler.dll carries no ReadyToRun code");
        }
        var html = Path.Combine(RepositoryPaths.Fixtures, "formats", "000_79386d8b7b396ab1", "report.gbk.html");
        var parse = await RunAsync("bash", ["-c", "crawler parse \"$0\"", html],
            new() { ["PATH"] = $"{_prefix}/bin:{Environment.GetEnvironmentVariable("PATH")}" });
        Assert.True(parse.ExitCode == 0, parse.Output + parse.Error);
        Assert.Contains("聊城市商务局", parse.Output);
        Assert.Contains("表三 收到和处理政府信息公开申请情况", parse.Output);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A first ReadyToRun publish compiles every assembly: minutes on a loaded machine.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public void Dispose() => Directory.Delete(_prefix, recursive: true);
}
