using Crawler.LoadTest;
using Crawler.Tests.Shared;

namespace Crawler.Worker.Tests.Scale;

/// <summary>
/// The polite load run at CI size: 12 agencies on 3 hosts beyond 127.0.0.x (127.0.1.1 … 127.0.1.3), crawled with a
/// per-host delay. The server, not the crawler, measures the gaps: no two requests to one host may arrive closer
/// than the delay, and the busiest host's request count times the delay bounds the elapsed time from below.
/// </summary>
public sealed class PoliteHarnessTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);

    [Fact]
    public void HostsBeyondTheFirst250UseTheNext127Block()
    {
        Assert.Equal("127.0.0.1", SimulatedNationServer.Address(0));
        Assert.Equal("127.0.0.250", SimulatedNationServer.Address(249));
        Assert.Equal("127.0.1.1", SimulatedNationServer.Address(250));
        Assert.Equal("127.0.1.244", SimulatedNationServer.Address(493));
    }

    [Fact]
    public async Task EveryHostIsAskedAtMostOncePerDelayAndEveryReportIsFound()
    {
        var nation = SimulatedNation.Build(12, 3, RepositoryPaths.Seeds, Path.Combine(RepositoryPaths.Fixtures, "formats"));
        await using var server = await SimulatedNationServer.StartAsync(nation, CancellationToken.None, firstAddress: 250);
        Assert.Equal(["127.0.1.1", "127.0.1.2", "127.0.1.3"], server.HostUrls.Select(u => u.Host));
        var data = Directory.CreateTempSubdirectory("crawler-polite-test-").FullName;
        try
        {
            var run = await LoadCrawl.RunAsync("polite", nation, server, data, Delay, 12, CancellationToken.None);

            // 12 report pages + 1 DOCX (agency 3) + 1 PDF (agency 7); the two pages that only link an attachment are not reports.
            Assert.Equal(14, run.DocumentsFetched);
            Assert.Equal(12, nation.ExpectedReports);
            Assert.Equal(12, run.NewReports + run.NewVersions);
            Assert.Equal(2, run.NotReports);
            Assert.Equal(0, run.Failures);
            Assert.Empty(run.Problems);
            Assert.Equal(ExpectedRequests, run.Requests);
            Assert.Equal(ExpectedRequestsOnBusiestHost, run.MaxRequestsOnOneHost);

            Assert.NotNull(run.MinRequestSpacing);
            Assert.True(run.MinRequestSpacing >= Delay, $"two requests to one host arrived {run.MinRequestSpacing?.TotalMilliseconds:0} ms apart, delay {Delay.TotalMilliseconds} ms");
            var bound = (run.MaxRequestsOnOneHost - 1) * Delay;
            Assert.True(run.Elapsed >= bound, $"elapsed {run.Elapsed.TotalSeconds:0.00} s, below the per-host bound of {bound.TotalSeconds:0.00} s");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    // Agency i lives on host i % 3 and in family i % 3, so each host holds one CMS family. Per host: robots.txt, then
    // per agency its column pages (TRS: index + index_1; Hanweb: the column; GBK list: 1.html + 2.html) and its report
    // page, plus the attachments (DOCX of agency 3 on the TRS host, PDF of agency 7 on the Hanweb host); look-alikes
    // are never fetched. TRS host: 1 + 4 × 3 + 1 = 14; Hanweb host: 1 + 4 × 2 + 1 = 10; GBK host: 1 + 4 × 3 = 13.
    private const int ExpectedRequests = 14 + 10 + 13;

    private const int ExpectedRequestsOnBusiestHost = 14;
}
