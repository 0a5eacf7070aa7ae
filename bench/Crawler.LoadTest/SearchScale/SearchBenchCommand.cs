using System.Diagnostics;
using System.Globalization;
using Crawler.Pipeline.Search;

namespace Crawler.LoadTest.SearchScale;

/// <summary>
/// The <c>search-bench</c> command: fills a real state database with N synthetic report versions (or reuses one
/// already filled with at least N), then runs <see cref="SearchQueryMix"/> round by round and prints latency
/// percentiles per query kind and overall, with the database size and the fill time.
/// </summary>
public static class SearchBenchCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Count).Select(x => args[x.i + 1]).LastOrDefault();
        var c = CultureInfo.InvariantCulture;
        var versions = int.Parse(Value("--versions") ?? "100000", c);
        var rounds = int.Parse(Value("--rounds") ?? "40", c);
        var data = Value("--data") ?? Path.Combine(Path.GetTempPath(), $"crawler-search-bench-{versions}");
        var seeds = Value("--seeds") ?? Path.Combine(AppContext.BaseDirectory, "samples", "seeds");
        if (versions > SyntheticReports.Reports) { Console.Error.WriteLine($"--versions: at most {SyntheticReports.Reports} (one per report)"); return 2; }
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {LoadAverage()}");

        var archive = new SearchArchive(data);
        var existing = File.Exists(archive.Database.Layout.StateDatabase) ? await archive.CountVersionsAsync(CancellationToken.None) : 0;
        if (existing >= versions)
        {
            Console.WriteLine($"Reusing {data}: {existing} versions already stored.");
        }
        else
        {
            if (existing > 0) { Console.Error.WriteLine($"{data} holds {existing} versions, fewer than {versions}: delete it or pick another --data."); return 2; }
            var fill = await archive.FillAsync(new SyntheticReports(seeds).Versions(versions),
                n => Console.WriteLine(string.Create(c, $"  stored and indexed {n} versions …")), CancellationToken.None);
            await archive.CheckpointAsync(CancellationToken.None);
            Console.WriteLine(string.Create(c, $"Filled {data}: {versions} versions in {fill.TotalSeconds:0} s ({versions / fill.TotalSeconds:0} versions/s), each parsed, stored and indexed in its own transaction: parse {archive.Parsing.TotalSeconds:0} s, store {archive.Storing.TotalSeconds:0} s, index {archive.Indexing.TotalSeconds:0} s."));
        }
        await archive.CheckpointAsync(CancellationToken.None);
        Console.WriteLine(string.Create(c, $"Database: {archive.DatabaseBytes() / 1048576.0:0} MB (state.db with its WAL)."));

        var mix = SearchQueryMix.Build(versions);
        foreach (var (_, queries) in mix)
            foreach (var query in queries) await archive.Search.SearchAsync(query, CancellationToken.None);
        var times = mix.ToDictionary(m => m.Kind, _ => new List<double>());
        var totals = mix.ToDictionary(m => m.Kind, _ => new List<int>());
        var capped = mix.ToDictionary(m => m.Kind, _ => false);
        // CPU time as well as wall time: on a shared machine wall time is mostly waiting for a core.
        var cpu = mix.ToDictionary(m => m.Kind, _ => TimeSpan.Zero);
        using var self = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (kind, queries) in mix)
            {
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var results = await archive.Search.SearchAsync(queries[round % queries.Count], CancellationToken.None);
                times[kind].Add(clock.Elapsed.TotalMilliseconds);
                self.Refresh();
                cpu[kind] += self.TotalProcessorTime - cpuBefore;
                if (!results.Succeeded) { Console.Error.WriteLine($"{kind}: {results.Error}"); return 1; }
                totals[kind].Add(results.Total);
                capped[kind] |= results.TotalIsLowerBound;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Top {SearchQueryMix.Limit} with the total count, {rounds} queries per kind after one warm-up pass (ms):");
        Console.WriteLine();
        Console.WriteLine("| query kind | matching versions (median; + = past the ranking cap) | p50 | p95 | p99 | max | CPU ms per query (mean) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (kind, _) in mix)
        {
            var s = LatencySummary.Of(times[kind]);
            Console.WriteLine(string.Create(c, $"| {kind} | {totals[kind].Order().ElementAt(totals[kind].Count / 2)}{(capped[kind] ? "+" : "")} | {s.P50:0.0} | {s.P95:0.0} | {s.P99:0.0} | {s.Max:0.0} | {cpu[kind].TotalMilliseconds / times[kind].Count:0} |"));
        }
        var all = LatencySummary.Of(times.Values.SelectMany(t => t).ToArray());
        Console.WriteLine(string.Create(c, $"| **all {all.Count} queries** | | **{all.P50:0.0}** | **{all.P95:0.0}** | **{all.P99:0.0}** | **{all.Max:0.0}** | **{cpu.Values.Sum(t => t.TotalMilliseconds) / all.Count:0}** |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Goal p95 ≤ 50 ms: {(all.P95 <= 50 ? "met" : "NOT met")} ({all.P95:0.0} ms); load average now {LoadAverage()}"));
        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
