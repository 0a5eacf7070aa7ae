using System.Diagnostics;
using System.Globalization;

namespace Crawler.LoadTest.Startup;

/// <summary>
/// The <c>startup</c> command: how long a cold <c>crawler reports</c> and <c>crawler parse report.html</c> take, each
/// a new process, from start to exit (the page cache warm, as on a machine in use). It times the installed ReadyToRun
/// command (<c>--crawler</c>, default <c>crawler</c> on the PATH) and, as the baseline, <c>dotnet crawler.dll</c> beside
/// this harness (JIT, what <c>dotnet run</c> ends up running). Exit 0 when the installed command's median is at most
/// <c>--goal-ms</c> (300) for both.
/// </summary>
public static class StartupCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var installed = Value(args, "--crawler") ?? "crawler";
        var runs = int.Parse(Value(args, "--runs") ?? "15", CultureInfo.InvariantCulture);
        var goal = TimeSpan.FromMilliseconds(int.Parse(Value(args, "--goal-ms") ?? "300", CultureInfo.InvariantCulture));
        var dll = Path.Combine(AppContext.BaseDirectory, "crawler.dll");
        var html = Path.Combine(AppContext.BaseDirectory, "formats", "000_79386d8b7b396ab1", "report.gbk.html");
        var root = Directory.CreateTempSubdirectory("crawler-startup-").FullName;
        try
        {
            var crawl = await TimeAsync(installed, ["crawl", "--once", "--sample", "--data", Path.Combine(root, "data")], root);
            if (crawl.ExitCode != 0) throw new InvalidOperationException($"{installed} crawl --once --sample exited {crawl.ExitCode}");
            var met = true;
            foreach (var (name, arguments) in new (string, string[])[] { ("reports", ["reports", "--data", "data"]), ("parse report.html", ["parse", html]) })
            {
                var fast = await MeasureAsync(installed, [], arguments, runs, root);
                var baseline = await MeasureAsync("dotnet", [dll], arguments, runs, root);
                met &= fast.Median <= goal;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: installed {installed} median {fast.Median.TotalMilliseconds:0} ms (min {fast.Min.TotalMilliseconds:0}, max {fast.Max.TotalMilliseconds:0}); " +
                    $"dotnet crawler.dll median {baseline.Median.TotalMilliseconds:0} ms (min {baseline.Min.TotalMilliseconds:0}, max {baseline.Max.TotalMilliseconds:0}); {runs} runs each"));
            }
            Console.WriteLine($"goal: median ≤ {goal.TotalMilliseconds:0} ms for the installed command — {(met ? "met" : "NOT met")}");
            return met ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(TimeSpan Median, TimeSpan Min, TimeSpan Max)> MeasureAsync(string file, string[] prefix, string[] arguments, int runs, string directory)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var run = await TimeAsync(file, [.. prefix, .. arguments], directory);
            if (run.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {run.ExitCode}");
            times.Add(run.Elapsed);
        }
        times.Sort();
        return (times[times.Count / 2], times[0], times[^1]);
    }

    private static async Task<(int ExitCode, TimeSpan Elapsed)> TimeAsync(string file, string[] arguments, string directory)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        await Task.WhenAll(output, error);
        return (process.ExitCode, clock.Elapsed);
    }

    private static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i + 1 < args.Count; i++) if (args[i] == name) return args[i + 1];
        return null;
    }
}
