using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Storage;
using Crawler.Reports.Json;

namespace Crawler.Pipeline.Tests.Processing;

/// <summary>Seed reports in their published formats through the real extractors and parser into the store.</summary>
public sealed class EndToEndProcessingTests
{
    public static TheoryData<string> Seeds => [.. GoldReports.All];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task An_html_report_page_is_stored_with_the_gold_figures_and_found_by_search(string seed)
    {
        await using var pipeline = new RealPipeline();
        var gold = GoldReports.Result(seed);
        var source = RealPipeline.SourceFor(gold.Report.Agency!);

        var outcome = await pipeline.ProcessAsync(pipeline.Fetched(source, $"http://127.0.0.1/art/{seed}.html",
            RealPipeline.Fixture(seed, "report.utf8.html"), "text/html; charset=utf-8"));

        Assert.Equal(ProcessingOutcomeKind.NewReport, outcome.Kind);
        Assert.Equal((gold.Report.Agency, gold.Report.Year), (outcome.Agency, outcome.Year));
        var version = Assert.Single(await pipeline.Get<IReportStore>().ListVersionsAsync(new ReportFilter(), default));
        Assert.Equal("text/html", version.MediaType);
        var stored = ReportJson.Deserialize(version.ParsedJson).Report;
        Assert.Equal(gold.Report.Figures().Select(f => (f.Key, f.Value)), stored.Figures().Select(f => (f.Key, f.Value)));
        var hits = await pipeline.Get<IReportSearch>().SearchAsync(new SearchQuery("复议"), default);
        Assert.Equal(version.VersionId, Assert.Single(hits.Hits).VersionId);
    }

    [Fact]
    public async Task Utf8_and_gbk_pages_and_pdf_and_docx_renditions_of_one_report_are_one_version_and_a_refetch_parses_nothing()
    {
        await using var pipeline = new RealPipeline();
        const string seed = GoldReports.Huancui;
        var source = RealPipeline.SourceFor("威海市环翠区商务局");
        const string page = "http://127.0.0.1/hcq/art/2024/1.html";

        var utf8 = await pipeline.ProcessAsync(pipeline.Fetched(source, page, RealPipeline.Fixture(seed, "report.utf8.html"), "text/html; charset=utf-8"));
        var gbk = await pipeline.ProcessAsync(pipeline.Fetched(source, "http://127.0.0.1/old/1.html", RealPipeline.Fixture(seed, "report.gbk.html"), "text/html"));
        var pdf = await pipeline.ProcessAsync(pipeline.Fetched(source, "http://127.0.0.1/hcq/attach/2023.pdf", RealPipeline.Fixture(seed, "report.pdf"),
            "application/octet-stream", DocumentRole.ReportAttachment) with { ParentUrl = new Uri(page) });
        var docx = await pipeline.ProcessAsync(pipeline.Fetched(source, "http://127.0.0.1/hcq/attach/2023.docx", RealPipeline.Fixture(seed, "report.docx"),
            "application/octet-stream", DocumentRole.ReportAttachment) with { ParentUrl = new Uri(page) });
        var refetch = await pipeline.ProcessAsync(pipeline.Fetched(source, "http://127.0.0.1/hcq/attach/copy.pdf", RealPipeline.Fixture(seed, "report.pdf"),
            "application/pdf", DocumentRole.ReportAttachment));

        Assert.Equal((ProcessingOutcomeKind.NewReport, "威海市环翠区商务局", 2023), (utf8.Kind, utf8.Agency, utf8.Year));
        Assert.All(new[] { gbk, pdf, docx }, o => Assert.Equal((ProcessingOutcomeKind.Unchanged, "SameContent", 1), (o.Kind, o.Reason, o.Version)));
        Assert.Equal(ProcessingOutcomeKind.Unchanged, refetch.Kind);
        Assert.Contains("same bytes already processed", refetch.Reason);
        var version = Assert.Single(await pipeline.Get<IReportStore>().ListVersionsAsync(new ReportFilter(), default));
        Assert.Equal((new Uri(page), "text/html"), (version.DocumentUrl, version.MediaType));
    }
}
