namespace Crawler.LoadTest;

/// <summary>The harness's command-line options (a handful of --name value pairs).</summary>
public sealed record LoadTestOptions(int Agencies, int Hosts, int Concurrency, int PoliteAgencies, int PoliteHosts, TimeSpan PoliteDelay, bool Wget, bool Polite, bool Keep)
{
    public static LoadTestOptions Parse(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Count).Select(x => args[x.i + 1]).LastOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return new LoadTestOptions(
            Int("--agencies", 1000), Int("--hosts", 50), Int("--concurrency", 8),
            Int("--polite-agencies", 2000), Int("--polite-hosts", 100),
            TimeSpan.FromSeconds(double.Parse(Value("--polite-delay") ?? "1", System.Globalization.CultureInfo.InvariantCulture)),
            !args.Contains("--no-wget"), !args.Contains("--no-polite"), args.Contains("--keep"));
    }
}
