using System.Diagnostics;
using Crawler.Pipeline.Sources;
using Crawler.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.LoadTest;

/// <summary>
/// Crawls the simulated nation once, in-process, through the real pipeline (<see cref="CrawlerServices.AddCrawler"/>
/// and <see cref="CrawlPass"/>: discover, fetch, archive, extract, parse, validate, store, alert) and measures it.
/// </summary>
public static class LoadCrawl
{
    public static IReadOnlyList<Source> Sources(SimulatedNation nation, SimulatedNationServer server) =>
        nation.Agencies.Select(a => new Source
        {
            Id = a.Id,
            Agency = a.Name,
            Region = "模拟省",
            StartUrls = [new Uri(server.HostUrls[a.Host], a.ColumnPath).ToString()],
            AllowPrivateNetwork = true,
            Verified = true,
        }).ToList();

    public static async Task<CrawlMeasurement> RunAsync(string name, SimulatedNation nation, SimulatedNationServer server, string dataDirectory,
        TimeSpan perHostDelay, int maxConcurrentSources, CancellationToken cancellationToken, IReadOnlyList<Source>? extraSources = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Fetch:PerHostDelay"] = perHostDelay.ToString(),
            ["Fetch:ContactUrl"] = "http://127.0.0.1/load-test",
        }).Build();
        var sources = Sources(nation, server).Concat(extraSources ?? []).ToList();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error))
            .AddSingleton<IConfiguration>(configuration)
            .AddCrawler(configuration, sources)
            .AddSingleton<CrawlPass>();
        await using var provider = services.BuildServiceProvider();
        provider.GetService<IStartupValidator>()?.Validate();

        server.ResetCounters();
        ProcessMemory.ResetPeak();
        var rssBefore = ProcessMemory.RssBytes();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var summary = await provider.GetRequiredService<CrawlPass>().RunAsync(sources, maxConcurrentSources, null, null, cancellationToken).ConfigureAwait(false);
        clock.Stop();
        process.Refresh();
        var s = summary.Sources;
        return new CrawlMeasurement(name, clock.Elapsed, process.TotalProcessorTime - cpuBefore, ProcessMemory.PeakRssBytes(), rssBefore,
            s.Sum(x => x.DocumentsFetched), s.Sum(x => x.NewReports), s.Sum(x => x.NewVersions), s.Sum(x => x.Unchanged),
            s.Sum(x => x.NotReports), s.Sum(x => x.Failures),
            server.Requests, server.MaxRequestsOnOneHost, server.FullResponses, server.NotModified, server.BodyBytes,
            s.SelectMany(x => x.Problems.Select(p => $"{x.SourceId}: {p}")).ToList()) { Sources = s, MinRequestSpacing = server.MinRequestSpacing() };
    }
}
