using Crawler.LoadTest;
using Crawler.Tests.Shared;
using Xunit.Abstractions;

namespace Crawler.Worker.Tests.Scale;

/// <summary>
/// Four misbehaving agencies (connection reset, 429 forever, a lying Content-Length, a site down all run) crawled
/// together with 15 healthy ones: the crawl finishes, the healthy ones lose nothing, the faulty ones say why.
/// </summary>
public sealed class NetworkFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FaultySitesAreNamedPerSourceAndTheOthersAreUnaffected()
    {
        var nation = SimulatedNation.Build(15, 3, RepositoryPaths.Seeds, Path.Combine(RepositoryPaths.Fixtures, "formats"));
        await using var server = await SimulatedNationServer.StartAsync(nation, CancellationToken.None);
        var data = Directory.CreateTempSubdirectory("crawler-faults-").FullName;
        try
        {
            var run = await LoadCrawl.RunAsync("faults", nation, server, data, TimeSpan.Zero, 4, CancellationToken.None, NetworkFaults.Sources(server));
            foreach (var s in run.Sources.Where(s => s.SourceId.StartsWith("fault-", StringComparison.Ordinal)))
                output.WriteLine($"{s.SourceId}: fetched {s.DocumentsFetched}, failures {s.Failures}, problems: {string.Join(" | ", s.Problems)}");

            var healthy = run.Sources.Where(s => s.SourceId.StartsWith("sim-", StringComparison.Ordinal)).ToList();
            Assert.Equal(15, healthy.Count);
            Assert.Equal(nation.ExpectedReports, healthy.Sum(s => s.NewReports + s.NewVersions));
            Assert.All(healthy, s => Assert.Empty(s.Problems));
            Assert.All(healthy, s => Assert.Equal(0, s.Failures));

            var faulty = run.Sources.Where(s => s.SourceId.StartsWith("fault-", StringComparison.Ordinal)).ToList();
            Assert.Equal(4, faulty.Count);
            Assert.All(faulty, s => Assert.Equal(0, s.NewReports));
            Assert.All(faulty, s => Assert.Equal(1, s.Failures));
            string Problem(string id) => string.Join(" | ", faulty.Single(s => s.SourceId == id).Problems);
            Assert.Contains("/faults/reset/t20240125_1.html", Problem("fault-reset"), StringComparison.Ordinal);
            Assert.Contains("reset", Problem("fault-reset"), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("HTTP 429", Problem("fault-429"), StringComparison.Ordinal);
            Assert.Contains("/faults/lie/t20240125_1.html", Problem("fault-lying-length"), StringComparison.Ordinal);
            Assert.Contains("127.0.0.1:1", Problem("fault-down"), StringComparison.Ordinal);
            Assert.Contains("robots.txt", Problem("fault-down"), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
