using System.Text;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Processing;
using Crawler.Pipeline.Tests.SimulatedWeb;
using Crawler.Pipeline.Tests.Storage;
using Crawler.Reports.Renditions;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Tests.Hostile;

/// <summary>
/// Pages on 127.0.0.1 whose link text names the report but which hold no report (an image-only 图解, a page cut short by
/// its Content-Length, a landing page that only links the report), and one report published as page and attachment:
/// crawled and processed by the real fetcher, extractors, parser, store and alert observer, counting the versions
/// stored and the alerts queued. No false version 1, no false correction (new-version alert), no version per crawl.
/// </summary>
public sealed class FalseVersionTests : IAsyncLifetime
{
    private const string Agency = "威海市环翠区商务局";
    private const string LinkText = Agency + "2023年政府信息公开工作年度报告";
    private const string Page = "/fv/art/2024/1.html";

    private static readonly string SeedHtml = File.ReadAllText(RealPipeline.Fixture(GoldReports.Huancui, "report.utf8.html"));

    private SimulatedGovWeb web = null!;
    private RealPipeline pipeline = null!;
    private CrawlerRig rig = null!;

    public async Task InitializeAsync()
    {
        web = await SimulatedGovWeb.StartAsync();
        web.Map("/fv/list.html", c => Served.List(c, Served.ListPage("政府信息公开年报", [(Page, LinkText)])));
        pipeline = new RealPipeline([new("Alerts:Webhook:Url", "http://127.0.0.1:9/hook")], alerts: true);
        rig = new CrawlerRig(ledger: pipeline.Get<IFetchLedger>(), archive: pipeline.Get<ContentAddressedArchive>());
    }

    public async Task DisposeAsync()
    {
        rig.Dispose();
        await pipeline.DisposeAsync();
        await web.DisposeAsync();
    }

    private Source Site => web.Agency("hcq", Agency, "/fv/list.html");

    /// <summary>One crawl of the site, every document through the real processing stages.</summary>
    private async Task<(SourceCrawlResult Result, List<ProcessingOutcome> Outcomes)> CrawlAsync()
    {
        var outcomes = new List<ProcessingOutcome>();
        var discovery = rig.Crawler.Discover(Site, default);
        await foreach (var document in discovery)
        {
            if (document.Role == DocumentRole.ListPage) CrawlerRig.DeleteBody(document);
            else outcomes.Add(await pipeline.ProcessAsync(document));
        }
        return (discovery.Result, outcomes);
    }

    private async Task<IReadOnlyList<ReportVersionRecord>> VersionsAsync() =>
        await pipeline.Get<IReportStore>().ListVersionsAsync(new ReportFilter(), default);

    /// <summary>Alerts queued for the webhook channel, by event (new-report, new-version, rule-violation).</summary>
    private Dictionary<string, int> Alerts()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(pipeline.DataDirectory, "state.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // The outbox makes its table with its first message: no table, no alert.
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'outbox'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return counts;
        command.CommandText = "SELECT idempotency_key FROM outbox WHERE topic = 'alert:webhook'";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var kind = reader.GetString(0).Split(':')[0];
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }
        return counts;
    }

    private static string WithAttachment(string html, string href, string label) =>
        html.Replace("</body>", $"<div class=\"attachments\"><p>附件：<a href=\"{href}\">{label}</a></p></div></body>", StringComparison.Ordinal);

    private void ServeReport(string html) => web.Map(Page, c => Served.Html(c, html));

    [Fact]
    public async Task An_image_only_tujie_page_is_no_version_and_the_real_report_then_is_version_1_with_one_new_report_alert()
    {
        ServeReport($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{LinkText}</title></head><body><div class=\"article\">"
            + $"<h1>{LinkText}</h1><p><img src=\"/fv/tujie-1.png\" alt=\"一图读懂\"></p><p><img src=\"/fv/tujie-2.png\"></p></div></body></html>");

        var (_, first) = await CrawlAsync();

        var tujie = Assert.Single(first);
        Assert.Equal(ProcessingOutcomeKind.NotAReport, tujie.Kind);
        Assert.Contains("没有年报的结构", tujie.Reason);
        Assert.Empty(await VersionsAsync());
        Assert.Empty(Alerts());

        ServeReport(SeedHtml);
        var (_, second) = await CrawlAsync();

        Assert.Equal(ProcessingOutcomeKind.NewReport, Assert.Single(second).Kind);
        var version = Assert.Single(await VersionsAsync());
        Assert.Equal((1, 2023), (version.Version, version.Year));
        Assert.Equal(1, Alerts().GetValueOrDefault("new-report"));
        Assert.Equal(0, Alerts().GetValueOrDefault("new-version"));
    }

    [Fact]
    public async Task A_page_cut_short_by_its_content_length_is_quarantined_not_stored_and_the_whole_page_is_version_1()
    {
        var whole = Encoding.UTF8.GetBytes(SeedHtml);
        // The server declares (and so sends) only the first 60 % of the page: the client sees a complete response.
        web.Map(Page, c =>
        {
            c.Response.ContentType = "text/html; charset=utf-8";
            c.Response.ContentLength = whole.Length * 6 / 10;
            return c.Response.Body.WriteAsync(whole.AsMemory(0, whole.Length * 6 / 10)).AsTask();
        });

        var (_, first) = await CrawlAsync();

        var cut = Assert.Single(first);
        Assert.Equal(ProcessingOutcomeKind.Failed, cut.Kind);
        Assert.Contains("页面不完整", cut.Reason);
        Assert.Empty(await VersionsAsync());
        Assert.Empty(Alerts());
        Assert.Single(await pipeline.Get<IReportStore>().QuarantinedAsync(default));

        ServeReport(SeedHtml);
        var (_, second) = await CrawlAsync();

        Assert.Equal(ProcessingOutcomeKind.NewReport, Assert.Single(second).Kind);
        var version = Assert.Single(await VersionsAsync());
        Assert.Equal(1, version.Version);
        Assert.Equal(1, Alerts().GetValueOrDefault("new-report"));
        Assert.Equal(0, Alerts().GetValueOrDefault("new-version"));
    }

    [Fact]
    public async Task A_page_declaring_more_bytes_than_it_sends_is_a_fetch_problem_and_no_version()
    {
        var whole = Encoding.UTF8.GetBytes(SeedHtml);
        web.Map(Page, async c =>
        {
            c.Response.ContentType = "text/html; charset=utf-8";
            c.Response.ContentLength = whole.Length + 5000;
            await c.Response.Body.WriteAsync(whole.AsMemory(0, whole.Length / 2));
            await c.Response.Body.FlushAsync();
            c.Abort();
        });

        var (result, outcomes) = await CrawlAsync();

        Assert.Empty(outcomes);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(web.Url(Page), problem.Url);
        Assert.Contains("connection to", problem.Error);
        Assert.Empty(await VersionsAsync());
        Assert.Empty(Alerts());
    }

    [Fact]
    public async Task A_landing_page_that_only_links_the_report_is_context_and_the_attachment_is_version_1_dated_by_the_page()
    {
        const string docx = "/fv/files/hcq2023.docx";
        ServeReport($"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><meta name="PubDate" content="2024-01-22 10:00"><title>{LinkText}</title></head>
            <body><div class="content"><h1>{LinkText}</h1>
            <table class="meta"><tr><td>索引号：</td><td>11371002MB2851245R/2024-00012</td><td>发布机构：</td><td>{Agency}</td></tr>
            <tr><td>发布日期：</td><td>2024-01-22</td><td>主题分类：</td><td>政务公开</td></tr></table>
            <div class="article-content"><p>附件：<a href="{docx}">{LinkText}.docx</a></p></div></div></body></html>
            """);
        var bytes = File.ReadAllBytes(RealPipeline.Fixture(GoldReports.Huancui, "report.docx"));
        web.Map(docx, c => Served.Document(c, bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

        var (_, first) = await CrawlAsync();
        var (_, second) = await CrawlAsync();

        Assert.Equal([ProcessingOutcomeKind.NotAReport, ProcessingOutcomeKind.NewReport], first.Select(o => o.Kind));
        Assert.Contains("页面作为上下文保留", first[0].Reason);
        Assert.All(second, o => Assert.Equal(ProcessingOutcomeKind.Unchanged, o.Kind));
        var version = Assert.Single(await VersionsAsync());
        Assert.Equal((1, web.Url(docx), web.Url(Page)), (version.Version, version.DocumentUrl, version.PageUrl));
        Assert.Equal(new DateOnly(2024, 1, 22), version.PublishedAt?.Date);
        Assert.Equal(1, Alerts().GetValueOrDefault("new-report"));
        Assert.Equal(0, Alerts().GetValueOrDefault("new-version"));
    }

    [Fact]
    public async Task A_page_and_its_pdf_with_equal_figures_are_one_version_without_a_disagreement()
    {
        const string pdf = "/fv/files/hcq2023.pdf";
        ServeReport(WithAttachment(SeedHtml, pdf, LinkText + ".pdf"));
        var bytes = File.ReadAllBytes(RealPipeline.Fixture(GoldReports.Huancui, "report.pdf"));
        web.Map(pdf, c => Served.Document(c, bytes, "application/pdf"));

        var (_, outcomes) = await CrawlAsync();

        Assert.Equal(ProcessingOutcomeKind.NewReport, outcomes[0].Kind);
        var attachment = Assert.Single(outcomes, o => o.Url == web.Url(pdf));
        Assert.Equal((ProcessingOutcomeKind.Unchanged, "SameContent", 1), (attachment.Kind, attachment.Reason, attachment.Version));
        var version = Assert.Single(await VersionsAsync());
        Assert.Equal(web.Url(Page), version.DocumentUrl);
        Assert.DoesNotContain(version.Findings, f => f.Code == RenditionComparison.Code);
        Assert.Equal(1, Alerts().GetValueOrDefault("new-report"));
        Assert.Equal(0, Alerts().GetValueOrDefault("new-version"));
    }

    [Fact]
    public async Task A_page_and_its_pdf_with_different_figures_are_one_version_with_a_finding_and_three_crawls_make_no_other()
    {
        const string pdf = "/fv/files/hcq2023.pdf";
        // The page prints 7 applications carried over from natural persons; the PDF (the gold) prints 0.
        const string carried = "<td colspan=\"3\"><p>二、上年结转政府信息公开申请数量</p></td><td><p>";
        Assert.Contains(carried + "0</p>", SeedHtml);
        var altered = WithAttachment(SeedHtml.Replace(carried + "0</p>", carried + "7</p>", StringComparison.Ordinal), pdf, LinkText + ".pdf");
        // A visit counter: the page's bytes differ on every crawl, so it is parsed again each time.
        var visits = 0;
        web.Map(Page, c => Served.Html(c, altered.Replace("</body>", $"<!-- 访问量 {Interlocked.Increment(ref visits)} --></body>", StringComparison.Ordinal)));
        var bytes = File.ReadAllBytes(RealPipeline.Fixture(GoldReports.Huancui, "report.pdf"));
        web.Map(pdf, c => Served.Document(c, bytes, "application/pdf"));

        var (_, first) = await CrawlAsync();
        var (_, second) = await CrawlAsync();
        var (_, third) = await CrawlAsync();

        Assert.Equal(ProcessingOutcomeKind.NewReport, first[0].Kind);
        var attachment = Assert.Single(first, o => o.Url == web.Url(pdf));
        Assert.Equal((ProcessingOutcomeKind.Unchanged, nameof(VersionChange.RenditionDiffers), 1), (attachment.Kind, attachment.Reason, attachment.Version));
        Assert.All(second.Concat(third), o => Assert.Equal(ProcessingOutcomeKind.Unchanged, o.Kind));
        Assert.Equal(3, visits);
        var version = Assert.Single(await VersionsAsync());
        Assert.Equal((1, web.Url(Page)), (version.Version, version.DocumentUrl));
        var disagreement = Assert.Single(version.Findings, f => f.Code == RenditionComparison.Code);
        Assert.Equal(web.Url(pdf).AbsoluteUri, disagreement.Where);
        Assert.Contains("applications.carriedOver.naturalPerson 7 ≠ 0", disagreement.Message);
        Assert.Contains(RenditionComparison.Code, Crawler.Reports.Json.ReportJson.Deserialize(version.ParsedJson).Findings.Select(f => f.Code));
        Assert.Equal(1, Alerts().GetValueOrDefault("new-report"));
        Assert.Equal(0, Alerts().GetValueOrDefault("new-version"));
    }

    [Fact]
    public async Task A_bare_304_to_a_request_without_validators_stores_nothing_and_the_page_is_version_1_once_it_is_sent()
    {
        web.Map(Page, c =>
        {
            c.Response.StatusCode = 304;
            return Task.CompletedTask;
        });

        var (result, first) = await CrawlAsync();

        Assert.Empty(first);
        Assert.Contains("HTTP 304 Not Modified to a request that carried no validators", Assert.Single(result.Problems).Error);
        Assert.Empty(await VersionsAsync());

        ServeReport(SeedHtml);
        var (_, second) = await CrawlAsync();

        Assert.Equal(ProcessingOutcomeKind.NewReport, Assert.Single(second).Kind);
        Assert.Equal(1, Assert.Single(await VersionsAsync()).Version);
        Assert.Equal(1, Alerts().GetValueOrDefault("new-report"));
    }
}
