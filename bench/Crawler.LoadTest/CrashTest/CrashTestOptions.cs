using System.Globalization;

namespace Crawler.LoadTest.CrashTest;

/// <summary>The crashtest command's options: <c>--kills 20 --agencies 300 --hosts 15 --seed N [--index-batch 20] [--keep]</c>.</summary>
public sealed record CrashTestOptions(int Kills, int Agencies, int Hosts, int Seed, bool Keep)
{
    /// <summary>Elasticsearch:BatchSize for the worker: small, so delivering the index takes several _bulk requests to kill between.</summary>
    public int IndexBatchSize { get; init; } = 20;

    public string SeedsDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "samples", "seeds");

    public string FixturesDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "formats");

    public string CrawlerDll { get; init; } = WorkerProcess.BesideThisAssembly;

    public static CrashTestOptions Parse(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Count).Select(x => args[x.i + 1]).LastOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var options = new CrashTestOptions(Int("--kills", 20), Int("--agencies", 300), Int("--hosts", 15), Int("--seed", 20240131), args.Contains("--keep"))
        {
            IndexBatchSize = Int("--index-batch", 20),
        };
        if (options.Kills < 1 || options.Agencies < 1 || options.Hosts is < 1 or > 250)
            throw new ArgumentException("crashtest needs --kills ≥ 1, --agencies ≥ 1 and 1 ≤ --hosts ≤ 250");
        return options;
    }
}
