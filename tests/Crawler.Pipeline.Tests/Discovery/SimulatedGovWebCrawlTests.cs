using System.Diagnostics;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Tests.SimulatedWeb;
using static Crawler.Pipeline.Tests.SimulatedWeb.SimulatedAgencies;

namespace Crawler.Pipeline.Tests.Discovery;

public sealed class SimulatedGovWebCrawlTests : IAsyncLifetime
{
    private static readonly int LatestYear = DateTime.UtcNow.Year - 1;
    private SimulatedGovWeb web = null!;

    public async Task InitializeAsync() => web = await SimulatedGovWeb.StartAsync();

    public async Task DisposeAsync() => await web.DisposeAsync();

    private Source[] Agencies() =>
    [
        web.Agency("liaocheng-commerce", "聊城市商务局", TrsColumn),
        web.Agency("lushan-commerce", "鲁山县商务局", HanwebColumn, HanwebAnnualTemplate),
        web.Agency("huancui-commerce", "威海市环翠区商务局", GkmlptIndex),
        web.Agency("liaocheng-office", "聊城市人民政府办公室", GbkList),
        web.Agency("haidong-commerce", "海东市商务局", HaidongPortal),
        web.Agency("blocked-agency", "某市某局", BlockedColumn),
    ];

    private static readonly string[] ExpectedDocuments =
    [
        "liaocheng-commerce ReportPage /trs/zfxxgknb/202401/t20240125_1001.html 2023 parent /trs/zfxxgknb/index.html",
        "liaocheng-commerce ReportPage /trs/zfxxgknb/202301/t20230120_0901.html 2022 parent /trs/zfxxgknb/index_1.html",
        "liaocheng-commerce ReportAttachment /trs/zfxxgknb/202301/P020230120_report.txt 2022 parent /trs/zfxxgknb/202301/t20230120_0901.html",
        "lushan-commerce ReportPage /art/2024/1/20/art_1229_501.html 2023 parent /col/col1229/index.html",
        "lushan-commerce ReportPage /art/2023/1/18/art_1229_401.html 2022 parent /module/web/jpage/dataproxy.jsp",
        "lushan-commerce ReportPage /art/2022/1/25/art_1229_301.html 2021 parent /module/web/jpage/dataproxy.jsp",
        $"lushan-commerce ReportPage /module/xxgk/xxgkAnnualReport.jsp {LatestYear} parent -",
        "huancui-commerce ReportPage /gkmlpt/content/post_100.html 2023 parent /gkmlpt/api/all/9001",
        "huancui-commerce ReportPage /gkmlpt/content/post_90b.html 2022 parent /gkmlpt/api/all/9001",
        "liaocheng-office ReportPage /gbk/ndbg/content_31.html 2023 parent /gbk/ndbg/1.html",
        "liaocheng-office ReportPage /gbk/ndbg/content_21.html 2022 parent /gbk/ndbg/2.html",
        "haidong-commerce ReportPage /haidong/zfxxgk/gknb/202401/t20240131_5.html 2023 parent /haidong/zfxxgk/gknb/index.html",
        "haidong-commerce ReportAttachment /haidong/files/hd2023.txt 2023 parent /haidong/zfxxgk/gknb/202401/t20240131_5.html",
    ];

    private static string Describe(CrawledDocument d) =>
        $"{d.Source.Id} {d.Role} {d.Response.FinalUrl.AbsolutePath} {d.YearHint} parent {d.ParentUrl?.AbsolutePath ?? "-"}";

    [Fact]
    public async Task Crawl_of_every_cms_family_finds_exactly_the_reports_and_none_of_the_look_alikes()
    {
        using var rig = new CrawlerRig();
        var results = await rig.CrawlAsync(Agencies());

        Assert.Equal(ExpectedDocuments.Order(), rig.Documents.Select(Describe).Order());
        Assert.All(rig.Documents, d => Assert.True(d.Response.BodyFile is not null && File.Exists(d.Response.BodyFile), d.Response.FinalUrl.ToString()));
        Assert.All(rig.Documents, d => Assert.Equal(new FileInfo(d.Response.BodyFile!).Length, d.Response.BodyLength));
        Assert.All(rig.Documents, d => Assert.Matches("^[0-9a-f]{64}$", d.Response.Sha256));

        string[] lookAlikes =
        [
            "/trs/zfxxgknb/202401/t20240120_1002.html", "/trs/zfxxgknb/202401/t20240126_1003.html", "/trs/zfxxgknb/202301/t20230115_0902.html",
            "/trs/zfxxgknb/202301/P020230120_notice.pdf", "/art/2024/1/22/art_1229_502.html", "/art/2023/1/10/art_1229_402.html",
            "/gkmlpt/content/post_101.html", "/gbk/ndbg/content_32.html", "/haidong/files/jd2023.pdf", "/haidong/zfxxgk/gknb/202401/t20240131_6.html",
        ];
        Assert.All(lookAlikes, path => Assert.Equal(0, web.HitsOn(path)));
    }

    [Fact]
    public async Task Crawl_reports_robots_denials_missing_pages_and_challenges_per_source_and_recovers_from_a_500()
    {
        using var rig = new CrawlerRig();
        var results = (await rig.CrawlAsync(Agencies())).ToDictionary(r => r.SourceId);

        Assert.Equal(0, web.HitsOn("/private/t2021.html"));
        var denied = Assert.Single(results["liaocheng-commerce"].Problems);
        Assert.Equal("/private/t2021.html", denied.Url.AbsolutePath);
        Assert.Contains("disallowed by robots.txt", denied.Error);

        var missing = Assert.Single(results["liaocheng-office"].Problems);
        Assert.Equal("/gbk/ndbg/content_11.html", missing.Url.AbsolutePath);
        Assert.StartsWith("HTTP 404", missing.Error);
        Assert.Equal(2, web.HitsOn("/gbk/ndbg/content_21.html"));

        Assert.True(results["blocked-agency"].Blocked);
        Assert.Contains("blocked by a JavaScript challenge (加速乐, HTTP 521)", Assert.Single(results["blocked-agency"].Problems).Error);
        Assert.Equal(1, web.HitsOn(BlockedColumn));

        Assert.All(new[] { "huancui-commerce", "lushan-commerce", "haidong-commerce" }, id => Assert.Empty(results[id].Problems));
        Assert.All(results.Values, r => Assert.Empty(r.LimitsReached));
        Assert.Equal(2, results["haidong-commerce"].DocumentsFound);
    }

    [Fact]
    public async Task Concurrent_sources_on_one_host_never_overlap_and_wait_the_configured_delay()
    {
        var delay = TimeSpan.FromMilliseconds(40);
        using var rig = new CrawlerRig(CrawlerRig.Fast with { PerHostDelay = delay });
        await rig.CrawlAsync(Agencies());

        var requests = web.Requests.OrderBy(r => r.StartedAt).ToList();
        var overlaps = requests.Zip(requests.Skip(1)).Where(p => p.Second.StartedAt < p.First.EndedAt).Select(p => $"{p.First.Target} ends after {p.Second.Target} starts").ToList();
        Assert.True(web.MaxConcurrentRequests == 1, string.Join("; ", overlaps));
        Assert.True(requests.Count > 30, $"only {requests.Count} requests");
        var gaps = requests.Zip(requests.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a.EndedAt, b.StartedAt)).ToList();
        Assert.True(gaps.Min() >= delay - TimeSpan.FromMilliseconds(5), $"shortest gap {gaps.Min().TotalMilliseconds} ms");
        Assert.All(requests, r => Assert.Contains("+https://example.org/crawler-contact", r.UserAgent));
        Assert.Equal(1, web.HitsOn("/robots.txt"));
    }

    [Fact]
    public async Task Second_crawl_with_the_ledger_downloads_no_unchanged_document()
    {
        var ledger = new RecordingLedger();
        using (var first = new CrawlerRig(ledger: ledger, archive: ledger))
        {
            await first.CrawlAsync(Agencies());
            foreach (var document in first.Documents) ledger.Remember(document);
        }
        var firstRun = web.Requests.Count;

        using var second = new CrawlerRig(ledger: ledger, archive: ledger);
        await second.CrawlAsync(Agencies());

        Assert.Equal(ExpectedDocuments.Order(), second.Documents.Select(Describe).Order());
        Assert.All(second.Documents, d => Assert.True(d.Response.NotModified, d.Response.FinalUrl.ToString()));
        Assert.All(second.Documents, d => Assert.Null(d.Response.BodyFile));
        var documentTargets = second.Documents.Select(d => d.Response.FinalUrl.PathAndQuery).ToHashSet();
        var secondRun = web.Requests.Skip(firstRun).Where(r => documentTargets.Contains(r.Target)).ToList();
        Assert.NotEmpty(secondRun);
        Assert.All(secondRun, r => Assert.Equal(304, r.Status));
    }

    [Fact]
    public async Task Unchanged_report_page_without_an_archive_is_fetched_once_more_to_find_its_attachments()
    {
        var ledger = new RecordingLedger();
        var source = web.Agency("liaocheng-commerce", "聊城市商务局", TrsColumn);
        using (var first = new CrawlerRig(ledger: ledger))
        {
            await first.CrawlAsync(source);
            foreach (var document in first.Documents) ledger.Remember(document);
        }

        using var second = new CrawlerRig(ledger: ledger);
        await second.CrawlAsync(source);

        Assert.Equal(
            "ReportAttachment /trs/zfxxgknb/202301/P020230120_report.txt 304 | ReportPage /trs/zfxxgknb/202301/t20230120_0901.html 304 | ReportPage /trs/zfxxgknb/202401/t20240125_1001.html 304",
            string.Join(" | ", second.Documents.Select(d => $"{d.Role} {d.Response.FinalUrl.AbsolutePath} {d.Response.StatusCode}").Order()));
        // First crawl 200; second crawl 304, then once more in full because no archive can give the page back.
        Assert.Equal([200, 304, 200], web.Requests.Where(r => r.Target.EndsWith("t20230120_0901.html", StringComparison.Ordinal)).Select(r => r.Status));
    }
}
