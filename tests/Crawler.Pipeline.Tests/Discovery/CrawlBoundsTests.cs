using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Tests.SimulatedWeb;

namespace Crawler.Pipeline.Tests.Discovery;

public sealed class CrawlBoundsTests : IAsyncLifetime
{
    private SimulatedGovWeb web = null!;

    public async Task InitializeAsync() => web = await SimulatedGovWeb.StartAsync();

    public async Task DisposeAsync() => await web.DisposeAsync();

    [Fact]
    public async Task Infinite_pagination_stops_at_the_list_page_limit_and_says_so()
    {
        using var rig = new CrawlerRig(discovery: new DiscoveryOptions { MaxListPages = 12 });
        var result = Assert.Single(await rig.CrawlAsync(web.Agency("endless", "某局", HostileCorners.EndlessList)));

        Assert.True(12 == result.ListPagesFetched, string.Join(" / ", result.Problems.Select(p => p.Url + " " + p.Error)) + " // " + string.Join(" / ", result.LimitsReached));
        Assert.Equal(12, web.Requests.Count(r => r.Target.StartsWith("/endless/", StringComparison.Ordinal)));
        var limit = Assert.Single(result.LimitsReached);
        Assert.Contains("more than 12 list pages", limit);
        Assert.EndsWith("(Discovery:MaxListPages)", limit);
    }

    [Fact]
    public async Task List_linking_thousands_of_reports_is_cut_by_the_link_and_document_limits()
    {
        using var rig = new CrawlerRig(CrawlerRig.Fast with { MaxBodyBytes = 16 * 1024 * 1024 }, new DiscoveryOptions { MaxLinksPerPage = 1000, MaxDocuments = 4 });
        var result = Assert.Single(await rig.CrawlAsync(web.Agency("crowded", "某局", HostileCorners.CrowdedList)));

        Assert.Equal(4, web.Requests.Count(r => r.Target.StartsWith("/crowded/t", StringComparison.Ordinal)));
        Assert.Single(rig.Documents);
        Assert.Equal(3, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.StartsWith("HTTP 404", p.Error));
        Assert.Equal(2, result.LimitsReached.Count);
        Assert.Contains(result.LimitsReached, l => l.Contains("items; only the first 1000 were considered (Discovery:MaxLinksPerPage)"));
        Assert.Contains(result.LimitsReached, l => l.Contains("more than 4 documents"));
    }

    [Fact]
    public async Task Links_to_other_sites_are_not_followed()
    {
        using var rig = new CrawlerRig();
        await rig.CrawlAsync(web.Agency("gbk", "聊城市人民政府办公室", SimulatedWeb.SimulatedAgencies.GbkList));

        // The GBK list links a report on "localhost" (another site name for the same server).
        Assert.Equal(0, web.HitsOn("/gbk/ndbg/content_99.html"));
        Assert.Equal(2, rig.Documents.Count);
        Assert.All(rig.Documents, d => Assert.Equal("127.0.0.1", d.Response.FinalUrl.Host));
    }
}
