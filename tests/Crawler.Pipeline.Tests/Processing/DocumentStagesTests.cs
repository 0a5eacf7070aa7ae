using System.Text;
using Crawler.Extraction;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Archiving;
using Crawler.Pipeline.Tests.Storage;
using Crawler.Reports.Json;
using Crawler.Reports.Parsing;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Tests.Processing;

public sealed class DocumentStagesTests : IDisposable
{
    private const string PageUrl = "http://127.0.0.1/xxgk/ndbg/2024/0125/1.html";
    private readonly ProcessingHarness _harness = new();

    private static byte[] Body(ReportParseResult result) => Encoding.UTF8.GetBytes(ReportJson.Serialize(result));

    private static byte[] Gold(string name) => Body(GoldReports.Result(name));

    [Fact]
    public async Task A_new_report_is_archived_recorded_written_to_warc_stored_indexed_and_announced()
    {
        var body = Gold(GoldReports.Liaocheng);
        var document = _harness.Fetched(PageUrl, body);

        ProcessingOutcome outcome;
        await using (var warc = _harness.Warc.Create(DateTimeOffset.UnixEpoch))
        {
            outcome = await _harness.Pipeline.ProcessAsync(document, warc, default);
        }

        Assert.Equal((ProcessingOutcomeKind.NewReport, "聊城市商务局", 2023, 1), (outcome.Kind, outcome.Agency, outcome.Year, outcome.Version));
        Assert.Equal(body, await File.ReadAllBytesAsync(_harness.Archive.PathFor(outcome.Sha256!)));
        Assert.False(File.Exists(document.Response.BodyFile), "the fetcher's temporary body file is removed once archived");
        Assert.Equal("\"" + body.Length + "\"", (await _harness.Store.FindAsync(new Uri(PageUrl), default))!.ETag);
        var version = Assert.Single(await _harness.Store.ListVersionsAsync(new ReportFilter(), default));
        Assert.Equal((new Uri(PageUrl), (Uri?)null, "text/plain", outcome.Sha256), (version.DocumentUrl, version.PageUrl, version.MediaType, version.Sha256));
        var announced = Assert.Single(_harness.Observer.Announced);
        Assert.Equal((version.VersionId, 1, true), (announced.VersionId, announced.Version, announced.IsNewReport));
        Assert.Contains("聊城市商务局", announced.Text);
        Assert.Equal(version.VersionId, Assert.Single((await _harness.Search.SearchAsync(new SearchQuery("商务"), default)).Hits).VersionId);
        var warcFile = Assert.Single(Directory.GetFiles(_harness.Layout.Warc));
        var response = WarcRecordReader.Read(warcFile).Single(r => r["WARC-Type"] == "response");
        Assert.Equal(PageUrl, response["WARC-Target-URI"]);
        Assert.Equal(body, response.Block[^body.Length..]);
    }

    [Fact]
    public async Task The_same_bytes_at_another_url_are_the_same_report_and_are_not_parsed_again()
    {
        await _harness.Pipeline.ProcessAsync(_harness.Fetched(PageUrl, Gold(GoldReports.Lushan)), null, default);

        var again = await _harness.Pipeline.ProcessAsync(_harness.Fetched("http://127.0.0.1/mirror/copy.html", Gold(GoldReports.Lushan)), null, default);

        Assert.Equal(ProcessingOutcomeKind.Unchanged, again.Kind);
        Assert.Equal(1, _harness.Parser.Calls);
        Assert.Single(await _harness.Store.ListVersionsAsync(new ReportFilter(), default));
    }

    [Fact]
    public async Task Changed_content_for_the_same_report_is_a_new_version_and_the_old_one_is_kept()
    {
        var original = GoldReports.Result(GoldReports.Haidong);
        var retitled = original with { Report = original.Report with { Title = original.Report.Title + "（网页版）" } };
        var corrected = GoldReports.Result(GoldReports.Haidong);
        corrected.Report.Applications["newReceived", "naturalPerson"] = 99;

        await _harness.Pipeline.ProcessAsync(_harness.Fetched(PageUrl, Body(original)), null, default);
        var sameFigures = await _harness.Pipeline.ProcessAsync(_harness.Fetched(PageUrl, Body(retitled)), null, default);
        var outcome = await _harness.Pipeline.ProcessAsync(_harness.Fetched(PageUrl, Body(corrected)), null, default);

        Assert.Equal((ProcessingOutcomeKind.Unchanged, "SameContent"), (sameFigures.Kind, sameFigures.Reason));
        Assert.Equal((ProcessingOutcomeKind.NewVersion, 2), (outcome.Kind, outcome.Version));
        var versions = await _harness.Store.ListVersionsAsync(new ReportFilter(), default);
        Assert.Equal([(1, false), (2, true)], versions.Select(v => (v.Version, v.IsLatest)));
        Assert.Equal([1, 2], _harness.Observer.Announced.Select(a => a.Version));
    }

    [Fact]
    public async Task A_304_is_recorded_and_written_as_a_revisit_without_parsing_again()
    {
        await _harness.Pipeline.ProcessAsync(_harness.Fetched(PageUrl, Gold(GoldReports.Lushan)), null, default);

        ProcessingOutcome outcome;
        await using (var warc = _harness.Warc.Create(DateTimeOffset.UnixEpoch.AddDays(1)))
        {
            outcome = await _harness.Pipeline.ProcessAsync(_harness.NotModified(PageUrl), warc, default);
        }

        Assert.Equal(ProcessingOutcomeKind.Unchanged, outcome.Kind);
        Assert.Equal(1, _harness.Parser.Calls);
        var records = WarcRecordReader.Read(Assert.Single(Directory.GetFiles(_harness.Layout.Warc)));
        Assert.Equal(["warcinfo", "request", "revisit"], records.Select(r => r["WARC-Type"]));
    }

    [Fact]
    public async Task A_document_that_fails_extraction_is_quarantined_then_retried_from_the_archive_on_the_next_run()
    {
        _harness.Extraction.Script = d => ExtractionResult.Failure(Crawler.Extraction.DocumentFormat.Pdf, $"{d.Name}: pdftotext 超时");
        var attachment = _harness.Fetched("http://127.0.0.1/files/report.pdf", Gold(GoldReports.Liaocheng), "application/pdf",
            DocumentRole.ReportAttachment) with { ParentUrl = new Uri(PageUrl), YearHint = 2023 };

        var failed = await _harness.Pipeline.ProcessAsync(attachment, null, default);

        Assert.Equal(ProcessingOutcomeKind.Failed, failed.Kind);
        Assert.Contains("pdftotext 超时", failed.Reason);
        Assert.True(_harness.Archive.Contains(failed.Sha256!), "a failed document is still archived");
        var quarantined = Assert.Single(await _harness.Store.QuarantinedAsync(default));
        Assert.Equal((new Uri(PageUrl), 2023), (quarantined.Context.PageUrl, quarantined.Context.YearHint));
        Assert.Empty(await _harness.Store.ListVersionsAsync(new ReportFilter(), default));

        _harness.Extraction.Script = null;
        var retried = await _harness.Pipeline.RetryQuarantinedAsync(id => id == ProcessingHarness.Liaocheng.Id ? ProcessingHarness.Liaocheng : null, default);

        Assert.Equal(ProcessingOutcomeKind.NewReport, Assert.Single(retried).Kind);
        Assert.Empty(await _harness.Store.QuarantinedAsync(default));
        var version = Assert.Single(await _harness.Store.ListVersionsAsync(new ReportFilter(), default));
        Assert.Equal((new Uri("http://127.0.0.1/files/report.pdf"), new Uri(PageUrl)), (version.DocumentUrl, version.PageUrl));
    }

    [Fact]
    public async Task A_quarantined_document_the_server_reports_unchanged_is_finished_from_the_archive()
    {
        _harness.Extraction.Script = _ => ExtractionResult.Failure(Crawler.Extraction.DocumentFormat.Html, "broken");
        await _harness.Pipeline.ProcessAsync(_harness.Fetched(PageUrl, Gold(GoldReports.Lushan)), null, default);
        _harness.Extraction.Script = null;

        var outcome = await _harness.Pipeline.ProcessAsync(_harness.NotModified(PageUrl), null, default);

        Assert.Equal(ProcessingOutcomeKind.NewReport, outcome.Kind);
    }

    [Fact]
    public async Task A_quarantined_document_whose_archived_file_was_removed_stays_quarantined_with_the_reason()
    {
        _harness.Extraction.Script = _ => ExtractionResult.Failure(Crawler.Extraction.DocumentFormat.Html, "broken");
        var failed = await _harness.Pipeline.ProcessAsync(_harness.Fetched(PageUrl, Gold(GoldReports.Lushan)), null, default);
        File.Delete(_harness.Archive.PathFor(failed.Sha256!));
        _harness.Extraction.Script = null;

        var retried = Assert.Single(await _harness.Pipeline.RetryQuarantinedAsync(_ => ProcessingHarness.Liaocheng, default));

        Assert.Equal(ProcessingOutcomeKind.Failed, retried.Kind);
        Assert.Contains("存档文件缺失", retried.Reason);
        Assert.Equal(2, Assert.Single(await _harness.Store.QuarantinedAsync(default)).Attempts);
    }

    [Fact]
    public async Task A_crashing_parser_quarantines_the_document_and_the_worker_goes_on()
    {
        _harness.Parser.Crash = new IndexOutOfRangeException("table 3 row 26");

        var outcome = await _harness.Pipeline.ProcessAsync(_harness.Fetched(PageUrl, Gold(GoldReports.Lushan)), null, default);

        Assert.Equal(ProcessingOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("IndexOutOfRangeException: table 3 row 26", outcome.Reason);
        Assert.Single(await _harness.Store.QuarantinedAsync(default));
    }

    [Fact]
    public async Task A_look_alike_is_recorded_as_not_a_report_and_never_parsed_again()
    {
        var lookAlike = Body(ReportParseResult.NotAReport("标题为“2024年政务公开工作要点”，不是年度报告"));

        var first = await _harness.Pipeline.ProcessAsync(_harness.Fetched(PageUrl, lookAlike), null, default);
        var second = await _harness.Pipeline.ProcessAsync(_harness.Fetched(PageUrl, lookAlike), null, default);

        Assert.Equal(ProcessingOutcomeKind.NotAReport, first.Kind);
        Assert.Contains("工作要点", first.Reason);
        Assert.Equal(ProcessingOutcomeKind.Unchanged, second.Kind);
        Assert.Equal(1, _harness.Parser.Calls);
        Assert.Empty(await _harness.Store.ListVersionsAsync(new ReportFilter(), default));
        Assert.Equal(ProcessingStatus.Done, (await _harness.Store.FindProcessingAsync(first.Sha256!, default))!.Status);
    }

    [Fact]
    public async Task A_page_that_only_links_the_report_is_kept_as_context_and_the_attachment_becomes_the_report()
    {
        var blank = GoldReports.Result(GoldReports.Liaocheng);
        var pageOnly = new ReportParseResult(Crawler.Reports.Model.AnnualReport.Blank(Crawler.Reports.Model.ReportTemplate.Free) with
        {
            Agency = "聊城市商务局", Year = 2023, Title = "聊城市商务局2023年政府信息公开工作年度报告",
        }, []);
        _harness.Extraction.Script = d => d.Name.EndsWith(".html", StringComparison.Ordinal)
            ? ScriptedExtraction.Plain(d) with { Attachments = [new AttachmentLink(new Uri("http://127.0.0.1/files/2023.docx"), "年度报告.docx")] }
            : ScriptedExtraction.Plain(d);

        var page = await _harness.Pipeline.ProcessAsync(_harness.Fetched(PageUrl, Body(pageOnly)), null, default);
        var shortPage = await _harness.Pipeline.ProcessAsync(_harness.Fetched("http://127.0.0.1/xxgk/ndbg/2.html",
            Body(ReportParseResult.NotAReport("正文过短，没有年报的结构"))), null, default);
        var attachment = await _harness.Pipeline.ProcessAsync(_harness.Fetched("http://127.0.0.1/files/2023.docx", Body(blank),
            "application/octet-stream", DocumentRole.ReportAttachment) with { ParentUrl = new Uri(PageUrl) }, null, default);

        Assert.Equal(ProcessingOutcomeKind.NotAReport, page.Kind);
        Assert.Contains("页面只链接附件", page.Reason);
        Assert.Equal(ProcessingOutcomeKind.NotAReport, shortPage.Kind);
        Assert.Contains("正文不是年报（正文过短，没有年报的结构）；页面只链接附件", shortPage.Reason);
        Assert.Equal(ProcessingOutcomeKind.NewReport, attachment.Kind);
        var version = Assert.Single(await _harness.Store.ListVersionsAsync(new ReportFilter(), default));
        Assert.Equal((new Uri("http://127.0.0.1/files/2023.docx"), new Uri(PageUrl)), (version.DocumentUrl, version.PageUrl));
    }

    [Fact]
    public async Task The_sources_full_agency_name_wins_over_a_shortened_one_and_the_link_year_fills_a_missing_year()
    {
        var huancui = ProcessingHarness.Liaocheng with { Id = "huancui-commerce", Agency = "威海市环翠区商务局", Region = "山东省威海市" };
        var parsed = GoldReports.Result(GoldReports.Huancui);
        var shortened = parsed with { Report = parsed.Report with { Agency = "环翠区商务局", Year = null } };
        var document = _harness.Fetched(PageUrl, Body(shortened), source: huancui) with { YearHint = 2023 };

        var outcome = await _harness.Pipeline.ProcessAsync(document, null, default);

        Assert.Equal(("威海市环翠区商务局", 2023), (outcome.Agency, outcome.Year));
        Assert.Equal("山东省威海市", Assert.Single(await _harness.Store.ListVersionsAsync(new ReportFilter(), default)).Region);
        Assert.Equal(("威海市环翠区商务局", (int?)2023), (_harness.Observer.Announced[0].Result.Report.Agency, _harness.Observer.Announced[0].Result.Report.Year));
        Assert.True(await _harness.Store.HasReportAsync("huancui-commerce", 2023, default));
    }

    [Fact]
    public async Task A_report_whose_figures_do_not_add_up_is_stored_with_its_findings()
    {
        var parsed = GoldReports.Result(GoldReports.LiaochengOffice);
        var finding = new Finding(FindingCodes.T3Balance, FindingSeverity.Error, "applications.columns.total", "新收 12 + 结转 0 ≠ 办理 11 + 结转下年 0");
        var outcome = await _harness.Pipeline.ProcessAsync(_harness.Fetched(PageUrl, Body(parsed with { Findings = [finding] })), null, default);

        Assert.Equal(ProcessingOutcomeKind.NewReport, outcome.Kind);
        // The reader's finding is kept as it came; the validation stage adds the rules' own after it (the seed's blank cells).
        var stored = Assert.Single(await _harness.Store.ListVersionsAsync(new ReportFilter(), default)).Findings;
        Assert.Equal(finding, stored[0]);
        Assert.All(stored.Skip(1), f => Assert.Equal(FindingCodes.BlankCells, f.Code));
        Assert.Single((await _harness.Search.SearchAsync(new SearchQuery("办公室") { FindingCode = FindingCodes.T3Balance }, default)).Hits);
    }

    [Fact]
    public async Task When_announcing_fails_the_stored_version_is_announced_again_on_retry()
    {
        _harness.Observer.FailNext = true;

        var failed = await _harness.Pipeline.ProcessAsync(_harness.Fetched(PageUrl, Gold(GoldReports.Lushan)), null, default);
        var retried = await _harness.Pipeline.RetryQuarantinedAsync(_ => ProcessingHarness.Liaocheng, default);

        Assert.Equal(ProcessingOutcomeKind.Failed, failed.Kind);
        Assert.Contains("outbox unavailable", failed.Reason);
        Assert.Equal(ProcessingOutcomeKind.Unchanged, Assert.Single(retried).Kind);
        Assert.Single(await _harness.Store.ListVersionsAsync(new ReportFilter(), default));
        Assert.Equal(1, Assert.Single(_harness.Observer.Announced).Version);
        Assert.Empty(await _harness.Store.QuarantinedAsync(default));
    }

    [Fact]
    public async Task A_list_page_is_archived_recorded_and_written_to_warc_without_processing_and_its_body_file_is_removed()
    {
        var bytes = "<html><a href='1.html'>2023年报告</a></html>"u8.ToArray();
        var list = _harness.Fetched("http://127.0.0.1/xxgk/ndbg/index.html", bytes) with { Role = DocumentRole.ListPage };

        await using (var warc = _harness.Warc.Create(DateTimeOffset.UnixEpoch))
        {
            await _harness.Stages.Archive.ArchiveListPageAsync(list, warc, default);
        }

        Assert.False(File.Exists(list.Response.BodyFile));
        var sha256 = (await _harness.Store.FindAsync(list.Response.RequestedUrl, default))!.Sha256;
        Assert.Equal(bytes, await File.ReadAllBytesAsync(_harness.Archive.PathFor(sha256)));
        Assert.Null(await _harness.Store.FindProcessingAsync(sha256, default));
        Assert.Equal(0, _harness.Parser.Calls);
        Assert.Contains(WarcRecordReader.Read(Assert.Single(Directory.GetFiles(_harness.Layout.Warc))), r => r["WARC-Type"] == "response");
    }

    [Fact]
    public async Task A_failed_fetch_is_recorded_with_its_error()
    {
        var document = _harness.Fetched(PageUrl, []);
        File.Delete(document.Response.BodyFile!);
        document = document with { Response = document.Response with { StatusCode = 0, BodyFile = null, Sha256 = null, Error = "TLS: certificate expired" } };

        var outcome = await _harness.Pipeline.ProcessAsync(document, null, default);

        Assert.Equal(ProcessingOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("certificate expired", outcome.Reason);
        Assert.Null(await _harness.Store.FindAsync(new Uri(PageUrl), default));
    }

    public void Dispose() => _harness.Dispose();
}
