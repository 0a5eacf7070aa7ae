using System.Globalization;
using Crawler.LoadTest.Memory;

namespace Crawler.LoadTest.HostileSites;

/// <summary>
/// The <c>hostile-sites</c> command: for each case of <see cref="HostileCases"/>, the hostile site served on 127.0.9.N
/// (in this process), a sources file and data folder in a temporary folder, and the real Release
/// <c>crawler crawl --once</c> run over it as a child process with its default settings (only Fetch:ContactUrl set, and
/// the sources allowed on the private network), its /proc status sampled by <see cref="MeasuredCrawl"/>. What the
/// crawl did is read back from its state.db. Prints one row per case; exit 0 only when every case met its target.
/// </summary>
public static class HostileSitesCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Count).Select(x => args[x.i + 1]).LastOrDefault();
        var numbers = Value("--cases") is { } list ? list.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToHashSet() : null;
        var cases = HostileCases.All.Where(c => numbers?.Contains(c.Number) ?? true).ToList();
        var crawler = Value("--crawler") ?? MemoryOptions.DefaultCrawler();
        var keep = args.Contains("--keep");
        var extra = args.Select((a, i) => (a, i)).Where(x => x.a == "--env" && x.i + 1 < args.Count)
            .Select(x => args[x.i + 1].Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var environment = new Dictionary<string, string>(extra) { ["Fetch__ContactUrl"] = "http://127.0.0.1/hostile-sites" };

        var pages = HostilePages.Load();
        if (Value("--padding") is { } padding) pages.Padding = padding;
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load average {LoadAverage()}");
        Console.WriteLine($"crawler: {crawler} crawl --once, default settings" + (extra.Count > 0 ? " except " + string.Join(" ", extra.Select(e => $"{e.Key}={e.Value}")) : "")
            + $"; the 30 MB page padded with {pages.Padding}");
        var rows = new List<(HostileCase Case, MeasuredCrawl Crawl, Verdict Verdict)>();
        foreach (var hostile in cases)
        {
            var root = Path.Combine(Path.GetTempPath(), $"crawler-hostile-{hostile.Number}-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(root);
            try
            {
                Console.WriteLine();
                Console.WriteLine($"case {hostile.Number}: {hostile.Name} (target: {hostile.Target}); load average {LoadAverage()}");
                await using var prepared = await hostile.PrepareAsync(pages);
                var sourcesFile = Path.Combine(root, "sources.json");
                await SimulatedSourcesFile.WriteAsync(prepared.Sources, sourcesFile, CancellationToken.None);
                var data = Path.Combine(root, "data");
                var crawl = await MeasuredCrawl.RunAsync(crawler, ["crawl", "--once", "--sources", sourcesFile, "--data", data], environment, hostile.KillAfter);
                var verdict = prepared.Judge(crawl, CrawlRecord.Read(data));
                rows.Add((hostile, crawl, verdict));
                Write(Console.Out, hostile, crawl, verdict);
            }
            finally
            {
                if (keep) Console.WriteLine($"kept {root}");
                else Directory.Delete(root, recursive: true);
            }
        }
        Console.WriteLine();
        Console.WriteLine("| case | elapsed s | peak RSS MB | limit | outcome | result |");
        Console.WriteLine("|---|---:|---:|---|---|---|");
        foreach (var (hostile, crawl, verdict) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {hostile.Number}. {hostile.Name} | {crawl.Elapsed.TotalSeconds:0.0} | {crawl.PeakRssKb / 1024.0:0} | {hostile.Target} | {Cell(verdict.Outcome)} | {(verdict.Pass ? "PASS" : "FAIL")} |"));
        }
        return rows.Count == cases.Count && rows.All(r => r.Verdict.Pass) ? 0 : 1;
    }

    private static void Write(TextWriter output, HostileCase hostile, MeasuredCrawl crawl, Verdict verdict)
    {
        static string Mb(long kb) => (kb / 1024.0).ToString("0", CultureInfo.InvariantCulture);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"crawler exit {crawl.ExitCode}, elapsed {crawl.Elapsed.TotalSeconds:0.0} s, CPU {crawl.CpuSeconds:0.0} s, peak RSS {Mb(crawl.PeakRssKb)} MB (anonymous {Mb(crawl.AtPeak.AnonKb)} MB, file-backed {Mb(crawl.AtPeak.FileKb)} MB at the peak)"));
        output.WriteLine("RSS over time: " + string.Join(" ", crawl.Timeline.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.At.TotalSeconds:0}s:{Mb(t.RssKb)}"))));
        output.WriteLine($"outcome: {verdict.Outcome}");
        foreach (var line in verdict.Details.Take(15)) output.WriteLine("  - " + (line.Length > 300 ? line[..300] + " …" : line));
        if (verdict.Details.Count > 15) output.WriteLine($"  … {verdict.Details.Count - 15} more");
        if (!verdict.Pass)
        {
            output.WriteLine("last crawler log lines:");
            foreach (var line in crawl.ErrorTail) output.WriteLine("  " + (line.Length > 300 ? line[..300] + " …" : line));
        }
        output.WriteLine($"case {hostile.Number}: {(verdict.Pass ? "PASS" : "FAIL")}");
    }

    /// <summary>The outcome as a table cell: pipes escaped, cut at 220 characters (the full line is printed with the case).</summary>
    private static string Cell(string outcome) =>
        (outcome.Length > 220 ? outcome[..220] + " …" : outcome).Replace("|", "\\|", StringComparison.Ordinal);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
