using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Crawler.LoadTest.Memory;

/// <summary>
/// The <c>memory</c> command: the simulated web served by a separate process (<c>serve</c>), the real
/// <c>crawler crawl --once</c> binary crawling it, its /proc status sampled every 100 ms. Prints the peak RSS
/// split into anonymous and file-backed pages and, at the peak, what is mapped. Exit 0 when the crawl found every
/// expected report and its peak RSS stayed under --limit-mb.
/// </summary>
public static partial class MemoryCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = MemoryOptions.Parse(args);
        var root = Path.Combine(Path.GetTempPath(), "crawler-memory-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var sourcesFile = Path.Combine(root, "sources.json");
        using var serve = Start("dotnet", [typeof(MemoryCommand).Assembly.Location, "serve", "--agencies", options.Agencies.ToString(CultureInfo.InvariantCulture),
            "--hosts", options.Hosts.ToString(CultureInfo.InvariantCulture), "--sources-out", sourcesFile], new Dictionary<string, string>());
        try
        {
            var banner = await serve.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("serve ended before serving: " + await serve.StandardError.ReadToEndAsync());
            Console.WriteLine(banner);
            var expected = int.Parse(ExpectedReports().Match(banner).Groups[1].Value, CultureInfo.InvariantCulture);
            var environment = new Dictionary<string, string>(options.Environment)
            {
                ["Fetch__PerHostDelay"] = "00:00:00",
                ["Fetch__ContactUrl"] = "http://127.0.0.1/load-test",
                ["Crawl__MaxConcurrentSources"] = options.Concurrency.ToString(CultureInfo.InvariantCulture),
            };
            var probe = Path.Combine(root, "gc-probe.log");
            if (options.GcProbe) (environment["DOTNET_STARTUP_HOOKS"], environment["CRAWLER_GC_PROBE"]) = (typeof(MemoryCommand).Assembly.Location, probe);
            Console.WriteLine($"crawler: {options.Crawler} crawl --once, {options.Concurrency} sources at once"
                + (options.Environment.Count > 0 ? ", " + string.Join(" ", options.Environment.Select(e => $"{e.Key}={e.Value}")) : ""));
            var result = await MeasuredCrawl.RunAsync(options.Crawler, ["crawl", "--once", "--sources", sourcesFile, "--data", Path.Combine(root, "data")], environment);
            await serve.StandardInput.DisposeAsync();
            Console.WriteLine(await serve.StandardOutput.ReadLineAsync());
            result.Write(Console.Out, options.LimitMb);
            if (options.GcProbe && File.Exists(probe)) GcProbeSummary.Write(Console.Out, File.ReadAllLines(probe));
            return result.ExitCode == 0 && result.NewReports == expected && result.PeakRssKb < options.LimitMb * 1024 ? 0 : 1;
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
            if (!options.Keep) Directory.Delete(root, recursive: true);
        }
    }

    internal static Process Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
    }

    [GeneratedRegex(@"(\d+) expected reports")]
    private static partial Regex ExpectedReports();
}
