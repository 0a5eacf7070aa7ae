using Crawler.LoadTest;
using Crawler.Tests.Shared;

namespace Crawler.Worker.Tests.Scale;

/// <summary>
/// The load harness at CI size: 30 agencies on 5 loopback hosts, crawled twice through the real pipeline. The first
/// crawl must find every report; the second, over an unchanged web, must re-parse nothing and download no bodies.
/// </summary>
public sealed class LoadHarnessTests
{
    [Fact]
    public async Task ASmallNationIsCrawledCompletelyThenRecognisedAsUnchanged()
    {
        var nation = SimulatedNation.Build(30, 5, RepositoryPaths.Seeds, Path.Combine(RepositoryPaths.Fixtures, "formats"));
        await using var server = await SimulatedNationServer.StartAsync(nation, CancellationToken.None);
        var data = Directory.CreateTempSubdirectory("crawler-load-test-").FullName;
        try
        {
            var first = await LoadCrawl.RunAsync("first", nation, server, data, TimeSpan.Zero, 4, CancellationToken.None);
            var second = await LoadCrawl.RunAsync("second", nation, server, data, TimeSpan.Zero, 4, CancellationToken.None);

            // 30 report pages + 3 DOCX + 3 PDF attachments; the three PDF agencies share one fixture PDF (same text,
            // same agency in it), so they make one stored report: 27 + 1.
            Assert.Equal(36, first.DocumentsFetched);
            Assert.Equal(28, nation.ExpectedReports);
            Assert.Equal(28, first.NewReports + first.NewVersions);
            Assert.Equal(6, first.NotReports);
            Assert.Equal(0, first.Failures);
            Assert.Empty(first.Problems);

            Assert.Equal(36, second.DocumentsFetched);
            Assert.Equal(0, second.DocumentsParsed);
            Assert.Equal(36, second.Unchanged);
            Assert.Equal(36, second.NotModified);
            Assert.True(second.BodyBytes < first.BodyBytes / 10, $"second crawl downloaded {second.BodyBytes} body bytes, first {first.BodyBytes}");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task EachSimulatedHostIsADistinctLoopbackAddress()
    {
        var nation = SimulatedNation.Build(6, 3, RepositoryPaths.Seeds, Path.Combine(RepositoryPaths.Fixtures, "formats"));
        await using var server = await SimulatedNationServer.StartAsync(nation, CancellationToken.None);

        Assert.Equal(["127.0.0.1", "127.0.0.2", "127.0.0.3"], server.HostUrls.Select(u => u.Host));
        using var client = new HttpClient();
        var page = await client.GetStringAsync(new Uri(server.HostUrls[1], nation.Agencies[1].ColumnPath));
        Assert.Contains(nation.Agencies[1].Name, page, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }
}
