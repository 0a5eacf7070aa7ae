using System.Globalization;

namespace Crawler.LoadTest.Memory;

/// <summary>
/// Options of the <c>memory</c> command; --env KEY=VALUE (repeatable) is passed to the crawler, e.g. a GC setting to try;
/// --gc-probe loads <c>StartupHook</c> into the crawler to log the GC's own figures every second.
/// </summary>
public sealed record MemoryOptions(int Agencies, int Hosts, int Concurrency, string Crawler, IReadOnlyDictionary<string, string> Environment, int LimitMb, bool Keep, bool GcProbe)
{
    public static MemoryOptions Parse(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Count).Select(x => args[x.i + 1]).LastOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var environment = args.Select((a, i) => (a, i)).Where(x => x.a == "--env" && x.i + 1 < args.Count)
            .Select(x => args[x.i + 1].Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        return new MemoryOptions(Int("--agencies", 8334), Int("--hosts", 100), Int("--concurrency", 8),
            Value("--crawler") ?? DefaultCrawler(), environment, Int("--limit-mb", 300), args.Contains("--keep"), args.Contains("--gc-probe"));
    }

    /// <summary>The Release build of src/Crawler.Worker in the same repository as this harness.</summary>
    internal static string DefaultCrawler()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Crawler.Worker", "bin", "Release", "net10.0", "crawler.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("crawler.dll not found: build it (dotnet build -c Release src/Crawler.Worker) or pass --crawler PATH");
    }
}
