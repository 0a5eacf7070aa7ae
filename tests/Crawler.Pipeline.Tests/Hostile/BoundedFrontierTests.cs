using System.Text;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Discovery.ListPages;
using Crawler.Pipeline.Tests.SimulatedWeb;

namespace Crawler.Pipeline.Tests.Hostile;

/// <summary>
/// List pages on 127.0.0.1 that declare a million pages or link tens of thousands of pages and reports: the frontier
/// (the URLs still to visit) stays within its limits, every limit hit is reported, and what a page declares costs
/// nothing beyond what is queued (the peak-memory figures are in bench/Crawler.LoadTest `frontier`).
/// </summary>
public sealed class BoundedFrontierTests : IAsyncLifetime
{
    private const string Report = "某局2023年政府信息公开工作年度报告";

    private SimulatedGovWeb web = null!;

    public async Task InitializeAsync() => web = await SimulatedGovWeb.StartAsync();

    public async Task DisposeAsync() => await web.DisposeAsync();

    /// <summary>The three ways a list declares its length (TRS script, Hanweb totalRecord, gkmlpt total), each at a million pages or more.</summary>
    private void MapMillionPageLists()
    {
        web.Map("/trs/index.html", c => Served.List(c, Served.ListPage("年报", [("/trs/t1.html", Report)],
            "<script>createPageHTML(1000000, 0, \"index\", \"html\");</script>")));
        web.Map("/hanweb/index.html", c => Served.List(c,
            "<html><head><title>年报</title></head><body><script type=\"text/xml\"><datastore><recordset>"
            + $"<record><![CDATA[<li><a href=\"/hanweb/t1.html\">{Report}</a></li>]]></record>"
            + "</recordset></datastore></script><script>jpage({perPage:1,totalRecord:100000000,columnid:1229,unitid:77,webid:3});</script></body></html>"));
        web.Map("/gkmlpt/index", c => Served.List(c,
            "<html><head><title>政府信息公开</title><script>window._CONFIG = {\n SID: '9',\n TREE: [{\"id\": 77, \"name\": \"政府信息公开年报\", \"parent\": 0}]\n};</script></head><body></body></html>"));
        web.Map("/gkmlpt/api/all/77", c => Served.List(c,
            $$"""{"articles":[{"id":1,"url":"/gkmlpt/content/post_1.html","title":"{{Report}}"}],"total":2000000000}""", contentType: "application/json"));
    }

    [Fact]
    public async Task A_million_declared_pages_queue_only_MaxDeclaredPages_and_the_limit_names_the_declared_count()
    {
        MapMillionPageLists();
        using var rig = new CrawlerRig(discovery: new DiscoveryOptions { MaxDeclaredPages = 5, MaxDocuments = 3 });

        var results = await rig.CrawlAsync(
            web.Agency("trs", "某局", "/trs/index.html"), web.Agency("hanweb", "某局", "/hanweb/index.html"), web.Agency("gkmlpt", "某局", "/gkmlpt/index"));

        // Five further pages of each list were fetched, not a million.
        Assert.Equal(5, web.Requests.Count(r => r.Target.StartsWith("/trs/index_", StringComparison.Ordinal)));
        Assert.Equal(5, web.Requests.Count(r => r.Target.StartsWith("/module/web/jpage/dataproxy.jsp", StringComparison.Ordinal)));
        Assert.Equal(6, web.Requests.Count(r => r.Target.StartsWith("/gkmlpt/api/all/77", StringComparison.Ordinal)));
        var limits = results.ToDictionary(r => r.SourceId, r => Assert.Single(r.LimitsReached));
        Assert.Equal($"{web.Url("/trs/index.html")} declares 1000000 pages; only 5 further pages were queued (Discovery:MaxDeclaredPages)", limits["trs"]);
        Assert.Equal($"{web.Url("/hanweb/index.html")} declares 100000000 pages; only 5 further pages were queued (Discovery:MaxDeclaredPages)", limits["hanweb"]);
        Assert.Contains("declares 2000000000 pages; only 5 further pages were queued (Discovery:MaxDeclaredPages)", limits["gkmlpt"]);
    }

    [Fact]
    public void Reading_a_page_that_declares_a_million_pages_allocates_what_the_kept_pages_cost()
    {
        var url = new Uri("http://www.example.gov.cn/zwgk/ndbg/index.html");
        var body = Encoding.UTF8.GetBytes(Served.ListPage("年报", [], "<script>createPageHTML(1000000, 0, \"index\", \"html\");</script>"));
        var reading = ListPageReading.Default;
        reading.Read(new ListPageRequest(url, ListFormat.Html), url, body, "text/html", out _, maxPages: 200);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var findings = reading.Read(new ListPageRequest(url, ListFormat.Html), url, body, "text/html", out _, maxPages: 200);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(200, findings.MorePages.Count);
        Assert.Equal("/zwgk/ndbg/index_200.html", findings.MorePages[^1].Url.AbsolutePath);
        Assert.Equal(1_000_000 - 1 - 200, findings.PagesDropped);
        Assert.Equal(1_000_000, findings.DeclaredPages);
        // A million ListPageRequests with their Uris took > 500 MB; 200 of them, and the page, take well under 4 MB.
        Assert.True(allocated < 4 * 1024 * 1024, $"reading the page allocated {allocated / 1024} KB");
    }

    [Fact]
    public async Task A_page_with_fifty_thousand_reports_and_fifty_thousand_next_links_is_cut_at_every_frontier_limit()
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年报</title></head><body><ul>");
        for (var i = 1; i <= 50_000; i++) html.Append($"<li><a href=\"/wide/t{i}.html\">{Report}（第{i}号）</a></li>");
        for (var i = 1; i <= 50_000; i++) html.Append($"<a href=\"/wide/p{i}.html\">下一页</a>");
        var page = html.Append("</ul></body></html>").ToString();
        web.Map("/wide/index.html", c => Served.List(c, page));
        using var rig = new CrawlerRig(CrawlerRig.Fast with { MaxBodyBytes = 32 * 1024 * 1024 },
            new DiscoveryOptions { MaxDeclaredPages = 4, MaxLinksPerPage = 1000, MaxQueuedUrls = 100, MaxDocuments = 3 });

        var result = Assert.Single(await rig.CrawlAsync(web.Agency("wide", "某局", "/wide/index.html")));

        Assert.Equal(4, web.Requests.Count(r => r.Target.StartsWith("/wide/p", StringComparison.Ordinal)));
        Assert.Equal(3, web.Requests.Count(r => r.Target.StartsWith("/wide/t", StringComparison.Ordinal)));
        var url = web.Url("/wide/index.html");
        Assert.Equal(
            [
                $"{url} links 50000 further pages; only 4 further pages were queued (Discovery:MaxDeclaredPages)",
                $"{url} links 50000 items; only the first 1000 were considered (Discovery:MaxLinksPerPage)",
                $"more than 100 URLs waiting at once; {web.Url("/wide/t97.html")} and later ones were not queued (Discovery:MaxQueuedUrls)",
                $"more than 3 documents; {web.Url("/wide/t4.html")} and later documents were not fetched (Discovery:MaxDocuments)",
            ],
            result.LimitsReached);
    }

    [Fact]
    public async Task Columns_nested_deeper_than_MaxDepth_are_not_read_and_the_depth_limit_is_reported()
    {
        for (var i = 0; i < 10; i++)
        {
            var next = i + 1;
            web.Map($"/deep/{i}.html", c => Served.List(c, Served.ListPage("栏目", [($"/deep/{next}.html", "政府信息公开年报")])));
        }
        using var rig = new CrawlerRig(discovery: new DiscoveryOptions { MaxDepth = 3 });

        var result = Assert.Single(await rig.CrawlAsync(web.Agency("deep", "某局", "/deep/0.html")));

        Assert.Equal(1, web.HitsOn("/deep/3.html"));
        Assert.Equal(0, web.HitsOn("/deep/4.html"));
        Assert.Equal([$"{web.Url("/deep/4.html")} is 4 column hops from a start URL; columns deeper than 3 were not read (Discovery:MaxDepth)"], result.LimitsReached);
    }

    [Fact]
    public async Task A_source_that_outlasts_its_time_budget_stops_and_leaves_the_rest_for_the_next_crawl()
    {
        using var rig = new CrawlerRig(discovery: new DiscoveryOptions { MaxListPages = 500, MaxSourceDuration = TimeSpan.FromSeconds(1) });

        var result = Assert.Single(await rig.CrawlAsync(web.Agency("endless", "某局", HostileCorners.EndlessList)));

        var limit = Assert.Single(result.LimitsReached);
        Assert.StartsWith("the crawl took longer than 1 s; 1 URL(s) still waiting, from ", limit);
        Assert.EndsWith("are left for the next crawl (Discovery:MaxSourceDuration)", limit);
        Assert.InRange(result.ListPagesFetched, 1, 499);
        // The budget also ends the request in flight: that one page may or may not have reached the server, and is not counted as read.
        Assert.InRange(web.Requests.Count(r => r.Target.StartsWith("/endless/", StringComparison.Ordinal)), result.ListPagesFetched, result.ListPagesFetched + 1);
    }
}
