using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Crawler.LoadTest.Memory;

/// <summary>
/// Runs <c>dotnet crawler.dll …</c> and samples its /proc status every 100 ms: peak RSS (the kernel's VmHWM),
/// the anonymous and file-backed shares at the peak, what is mapped at the peak, and the per-source totals the
/// crawler printed (one line per source when its output is not a terminal).
/// </summary>
public sealed partial record MeasuredCrawl(int ExitCode, TimeSpan Elapsed, double CpuSeconds, long PeakRssKb, ProcessSample AtPeak,
    IReadOnlyDictionary<string, long> MappedAtPeak, IReadOnlyList<(TimeSpan At, long RssKb)> Timeline,
    int NewReports, int NewVersions, int Unchanged, int NotReports, int Failures, IReadOnlyList<string> ErrorTail)
{
    /// <param name="killAfter">A crawler still running after this long is killed (its exit code then says so); null waits for it.</param>
    public static async Task<MeasuredCrawl> RunAsync(string crawlerDll, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan? killAfter = null)
    {
        var clock = Stopwatch.StartNew();
        using var crawler = MemoryCommand.Start("dotnet", [crawlerDll, .. arguments], environment);
        crawler.StandardInput.Close();
        int[] totals = new int[5];
        var errors = new Queue<string>();
        bool Count(string line)
        {
            var match = SourceLine().Match(line);
            lock (totals)
            {
                for (var i = 0; match.Success && i < 5; i++) totals[i] += int.Parse(match.Groups[i + 1].Value, CultureInfo.InvariantCulture);
            }
            return match.Success;
        }
        var output = Task.Run(async () =>
        {
            while (await crawler.StandardOutput.ReadLineAsync() is { } line)
            {
                Count(line);
                if (line.Contains("Exception", StringComparison.Ordinal) || line.Contains(" fail:", StringComparison.Ordinal)) Keep(errors, line);
            }
        });
        var stderr = Task.Run(async () =>
        {
            while (await crawler.StandardError.ReadLineAsync() is { } line)
            {
                if (!Count(line)) Keep(errors, line);
            }
        });

        ProcessSample? last = null, atPeak = null;
        IReadOnlyDictionary<string, long> mapped = new Dictionary<string, long>();
        var lastMapped = TimeSpan.FromSeconds(-10);
        var timeline = new List<(TimeSpan, long)>();
        try
        {
            while (!crawler.HasExited)
            {
                if (clock.Elapsed > killAfter) crawler.Kill(entireProcessTree: true);
                if (ProcessSample.Read(crawler.Id) is { } sample)
                {
                    last = sample;
                    if (atPeak is null || sample.RssKb > atPeak.RssKb)
                    {
                        atPeak = sample;
                        // Reading smaps walks every mapping: at most once a second, on a new peak.
                        if (clock.Elapsed - lastMapped > TimeSpan.FromSeconds(1))
                        {
                            var breakdown = MappingBreakdown.Read(crawler.Id);
                            if (breakdown.Count > 0) (mapped, lastMapped) = (breakdown, clock.Elapsed);
                        }
                    }
                    if (timeline.Count == 0 || clock.Elapsed - timeline[^1].Item1 >= TimeSpan.FromSeconds(10)) timeline.Add((clock.Elapsed, sample.RssKb));
                }
                await Task.Delay(100);
            }
        }
        finally
        {
            if (!crawler.HasExited) crawler.Kill(entireProcessTree: true);
        }
        await Task.WhenAll(output, stderr);
        await crawler.WaitForExitAsync();
        clock.Stop();
        var empty = new ProcessSample(0, 0, 0, 0, 0, 0);
        return new MeasuredCrawl(crawler.ExitCode, clock.Elapsed, (last?.CpuTicks ?? 0) / 100.0, Math.Max(last?.PeakRssKb ?? 0, atPeak?.RssKb ?? 0), atPeak ?? empty,
            mapped, timeline, totals[0], totals[1], totals[2], totals[3], totals[4], errors.ToList());
    }

    public void Write(TextWriter output, int limitMb)
    {
        static string Mb(long kb) => (kb / 1024.0).ToString("0", CultureInfo.InvariantCulture);
        output.WriteLine($"crawler exit {ExitCode}: {NewReports} new reports, {NewVersions} new versions, {Unchanged} unchanged, {NotReports} not reports, {Failures} failures");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"elapsed {Elapsed.TotalSeconds:0.0} s, CPU {CpuSeconds:0.0} s (user + sys, up to the last sample)"));
        output.WriteLine($"peak RSS {Mb(PeakRssKb)} MB (goal < {limitMb} MB: {(PeakRssKb < limitMb * 1024 ? "met" : "NOT met")}); at the peak: anonymous {Mb(AtPeak.AnonKb)} MB, file-backed {Mb(AtPeak.FileKb)} MB, shmem {Mb(AtPeak.ShmemKb)} MB");
        output.WriteLine("mapped at the peak: " + string.Join(", ", MappedAtPeak.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {Mb(m.Value)} MB")));
        output.WriteLine("RSS over time: " + string.Join(" ", Timeline.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.At.TotalSeconds:0}s:{Mb(t.RssKb)}"))));
        foreach (var line in ErrorTail) output.WriteLine("  " + line);
    }

    private static void Keep(Queue<string> tail, string line)
    {
        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > 20) tail.Dequeue();
        }
    }

    // The crawler's per-source log line (ReportPipeline, a log line on stderr): "Source … done: 3 new reports, …".
    [GeneratedRegex(@" done: (\d+) new reports, (\d+) new versions, (\d+) unchanged, (\d+) not reports, (\d+) failures")]
    private static partial Regex SourceLine();
}
