using System.Text;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Processing;
using Crawler.Pipeline.Tests.Storage;
using Crawler.Reports.Publication;

namespace Crawler.Pipeline.Tests.Publication;

/// <summary>Real documents through the real extractors, parser and SQLite store: every date found is stored with its source.</summary>
public sealed class PublicationDatingTests : IDisposable
{
    private readonly string _files = Directory.CreateTempSubdirectory("dating-").FullName;

    private string File(string name, string content)
    {
        var path = Path.Combine(_files, name);
        System.IO.File.WriteAllText(path, content, Encoding.UTF8);
        return path;
    }

    private static CrawledDocument WithHeaders(CrawledDocument document, string lastModified, DateOnly? listedOn) => document with
    {
        Response = document.Response with { ResponseHeaders = [.. document.Response.ResponseHeaders, new("Last-Modified", lastModified)] },
        ListedOn = listedOn,
    };

    [Fact]
    public async Task A_report_page_is_dated_by_its_meta_tag_and_keeps_every_other_date_with_its_source()
    {
        await using var pipeline = new RealPipeline();
        var source = RealPipeline.SourceFor("威海市环翠区商务局");
        var page = pipeline.Fetched(source, "http://127.0.0.1/hcq/2024/0121/t20240121_1.html", RealPipeline.Fixture(GoldReports.Huancui, "report.utf8.html"), "text/html; charset=utf-8");

        await pipeline.ProcessAsync(WithHeaders(page, "Tue, 30 Jan 2024 08:00:00 GMT", new DateOnly(2024, 1, 21)));

        var version = Assert.Single(await pipeline.Get<IReportStore>().ListVersionsAsync(new ReportFilter(), default));
        Assert.Equal((new DateOnly(2024, 1, 20), DateSource.PageMetadata), (version.PublishedAt!.Date, version.PublishedAt.Source));
        Assert.Equal("<meta name=\"PubDate\" content=\"2024-01-20 09:30\">", version.PublishedAt.Evidence);
        Assert.Equal(
            [
                (DateSource.PageMetadata, "2024-01-20"), (DateSource.PageText, "2024-01-20"), (DateSource.Url, "2024-01-21"), (DateSource.ListEntry, "2024-01-21"),
                (DateSource.LastModified, "2024-01-30"), (DateSource.FirstFetched, "2024-01-25"),
            ],
            version.PublicationDates.Select(d => (d.Source, d.Text)));
        Assert.DoesNotContain(version.Findings, f => f.Code == PublicationRule.Code);
    }

    [Fact]
    public async Task A_page_url_that_contradicts_the_page_by_days_gives_a_finding_naming_both_dates()
    {
        await using var pipeline = new RealPipeline();
        var source = RealPipeline.SourceFor("威海市环翠区商务局");

        await pipeline.ProcessAsync(pipeline.Fetched(source, "http://127.0.0.1/hcq/202402/t20240206_1.html", RealPipeline.Fixture(GoldReports.Huancui, "report.utf8.html"), "text/html"));

        var version = Assert.Single(await pipeline.Get<IReportStore>().ListVersionsAsync(new ReportFilter(), default));
        var conflict = Assert.Single(version.Findings, f => f.Code == PublicationRule.Code);
        Assert.Contains("页面元数据 2024-01-20", conflict.Message);
        Assert.Contains("网址中的日期 2024-02-06", conflict.Message);
        Assert.Equal(DateSource.PageMetadata, version.PublishedAt!.Source);
    }

    [Fact]
    public async Task An_attachment_takes_the_dates_of_its_page_then_its_own_and_a_file_made_after_publication_is_a_finding()
    {
        await using var pipeline = new RealPipeline();
        var source = RealPipeline.SourceFor("威海市环翠区商务局");
        const string pageUrl = "http://127.0.0.1/hcq/202401/t20240126_9.html";
        var pageHtml = File("page.html", """
            <!DOCTYPE html><html><head><meta charset="utf-8"><meta name="firstpublishedtime" content="2024-01-26 16:20:00">
            <title>威海市环翠区商务局2023年政府信息公开工作年度报告</title></head><body><h1>威海市环翠区商务局2023年政府信息公开工作年度报告</h1>
            <p>发布日期：2024-01-26</p><p>现将威海市环翠区商务局2023年政府信息公开工作年度报告公布如下，详见附件。</p>
            <p>附件：<a href="/hcq/files/P020240126338.pdf">2023年年度报告.pdf</a></p></body></html>
            """);
        var listed = new DateOnly(2024, 1, 26);
        var pageOutcome = await pipeline.ProcessAsync(pipeline.Fetched(source, pageUrl, pageHtml, "text/html; charset=utf-8") with { ListedOn = listed });
        Assert.Equal(ProcessingOutcomeKind.NotAReport, pageOutcome.Kind);

        var attachment = pipeline.Fetched(source, "http://127.0.0.1/hcq/files/P020240126338.pdf", RealPipeline.Fixture(GoldReports.Huancui, "report.pdf"),
            "application/pdf", DocumentRole.ReportAttachment) with { ParentUrl = new Uri(pageUrl), ListedOn = listed };
        await pipeline.ProcessAsync(WithHeaders(attachment, "Mon, 04 May 2026 01:00:00 GMT", listed));

        var version = Assert.Single(await pipeline.Get<IReportStore>().ListVersionsAsync(new ReportFilter(), default));
        Assert.Equal((new DateOnly(2024, 1, 26), DateSource.PageMetadata), (version.PublishedAt!.Date, version.PublishedAt.Source));
        Assert.Equal(
            [
                (DateSource.PageMetadata, "2024-01-26"), (DateSource.PageText, "2024-01-26"), (DateSource.Url, "2024-01-26"), (DateSource.Url, "2024-01-26"),
                (DateSource.ListEntry, "2024-01-26"), (DateSource.DocumentCreated, "2026-11-22"), (DateSource.LastModified, "2026-05-04"), (DateSource.FirstFetched, "2024-01-25"),
            ],
            version.PublicationDates.Select(d => (d.Source, d.Text)));
        // The page's URL before the file's own (TRS names files P0 + the upload date).
        Assert.Equal([pageUrl, "http://127.0.0.1/hcq/files/P020240126338.pdf"],
            version.PublicationDates.Where(d => d.Source == DateSource.Url).Select(d => d.Evidence[..d.Evidence.IndexOf('（')]));
        // The fixture PDF was rendered in November 2026: a file made long after its stated publication is worth a look.
        var conflict = Assert.Single(version.Findings, f => f.Code == PublicationRule.Code);
        Assert.Contains("文档创建日期 2026-11-22", conflict.Message);
    }

    [Fact]
    public async Task A_document_nothing_dates_is_dated_by_its_first_fetch_and_says_so()
    {
        await using var pipeline = new RealPipeline();
        var source = RealPipeline.SourceFor("威海市环翠区商务局");

        await pipeline.ProcessAsync(pipeline.Fetched(source, "http://127.0.0.1/hcq/files/report.docx", RealPipeline.Fixture(GoldReports.Huancui, "report.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocumentRole.ReportAttachment));

        var version = Assert.Single(await pipeline.Get<IReportStore>().ListVersionsAsync(new ReportFilter(), default));
        Assert.Equal((new DateOnly(2024, 1, 25), DateSource.FirstFetched), (version.PublishedAt!.Date, version.PublishedAt.Source));
        Assert.Contains("首次抓取 2024-01-25 11:00:00 (UTC+8)", version.PublishedAt.Evidence);
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
