using System.Diagnostics;
using System.Globalization;
using Crawler.Pipeline.Sources;
using Crawler.Worker.Hosting;
using Crawler.Worker.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crawler.LoadTest.SearchScale;

/// <summary>
/// The <c>status-bench</c> command: a real state database with every year of N agencies' synthetic reports (stored
/// the worker's way, see <see cref="SearchArchive"/>), N agencies under supervision plus a tenth more without any
/// report, and the status pages served by real Kestrel on 127.0.0.1. Prints the time to the last byte of the
/// overview (default year, a filtered year) and of an agency page, with the page sizes. Goal: the overview of
/// 1,000 agencies in under a second.
/// </summary>
public static class StatusBenchCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Count).Select(x => args[x.i + 1]).LastOrDefault();
        var c = CultureInfo.InvariantCulture;
        var agencies = int.Parse(Value("--agencies") ?? "1000", c);
        var rounds = int.Parse(Value("--rounds") ?? "20", c);
        var data = Value("--data") ?? Path.Combine(Path.GetTempPath(), $"crawler-status-bench-{agencies}");
        var seeds = Value("--seeds") ?? Path.Combine(AppContext.BaseDirectory, "samples", "seeds");
        var versions = agencies * SyntheticReports.Years;
        if (versions > SyntheticReports.Reports) { Console.Error.WriteLine($"--agencies: at most {SyntheticReports.Reports / SyntheticReports.Years}"); return 2; }
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

        var archive = new SearchArchive(data);
        var generator = new SyntheticReports(seeds);
        // Report n belongs to agency n / Years: the first N × Years reports are every year of N agencies, no revisions.
        var reports = Enumerable.Range(0, versions).Select(n => generator.Version(n, revised: false)).ToList();
        var existing = File.Exists(archive.Database.Layout.StateDatabase) ? await archive.CountVersionsAsync(CancellationToken.None) : 0;
        if (existing == 0)
        {
            var fill = await archive.FillAsync(reports, n => Console.WriteLine(string.Create(c, $"  stored {n} versions …")), CancellationToken.None);
            await archive.CheckpointAsync(CancellationToken.None);
            Console.WriteLine(string.Create(c, $"Filled {data}: {versions} versions ({agencies} agencies × {SyntheticReports.Years} years) in {fill.TotalSeconds:0} s."));
        }
        else if (existing != versions) { Console.Error.WriteLine($"{data} holds {existing} versions, not {versions}: delete it or pick another --data."); return 2; }
        else Console.WriteLine($"Reusing {data}: {existing} versions.");

        var sources = reports.DistinctBy(r => r.Agency)
            .Select(r => new Source { Id = "src-" + r.Agency, Agency = r.Agency, Region = r.Region, StartUrls = [$"http://127.0.0.1/{r.Report}/"] })
            .Concat(Enumerable.Range(0, Math.Max(1, agencies / 10)).Select(i => new Source
            {
                Id = $"silent-{i}", Agency = $"未发布测试机关{i}", Region = SyntheticReports.Province(i), StartUrls = [$"http://127.0.0.1/silent/{i}/"],
            }))
            .ToList();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data,
            ["Fetch:ContactUrl"] = "https://example.org/contact",
        });
        builder.Services.AddCrawler(builder.Configuration, sources).AddStatusPages();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapStatusPages();
        await app.StartAsync();
        var site = new Uri(app.Urls.Single());
        var latest = SyntheticReports.FirstYear + SyntheticReports.Years - 1;
        var pages = new (string Name, string Path)[]
        {
            ($"overview, default year ({sources.Count} agencies)", "/"),
            ("overview, an earlier year filtered to late", $"/?year={latest - 3}&status=late"),
            ("overview, one province", $"/?year={latest}&region={Uri.EscapeDataString(SyntheticReports.Province(0))}"),
            ($"agency page ({SyntheticReports.Years} years)", "/agency/" + Uri.EscapeDataString(sources[0].Id)),
        };

        using var http = new HttpClient();
        Console.WriteLine();
        Console.WriteLine($"Time to the last byte, {rounds} requests per page after one warm-up (ms):");
        Console.WriteLine();
        Console.WriteLine("| page | size (KB) | p50 | p95 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var overviewP95 = 0.0;
        foreach (var (name, path) in pages)
        {
            var url = new Uri(site, path);
            var size = (await http.GetByteArrayAsync(url)).Length;
            var times = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(url);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            var s = LatencySummary.Of(times);
            if (path == "/") overviewP95 = s.P95;
            Console.WriteLine(string.Create(c, $"| {name} | {size / 1024.0:0} | {s.P50:0} | {s.P95:0} | {s.Max:0} |"));
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Goal: the overview of {agencies} agencies in under a second (p95): {(overviewP95 < 1000 ? "met" : "NOT met")} ({overviewP95:0} ms)."));
        return overviewP95 < 1000 ? 0 : 1;
    }
}
