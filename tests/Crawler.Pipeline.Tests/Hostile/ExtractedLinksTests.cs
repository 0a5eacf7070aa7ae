using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Tests.Processing;
using Crawler.Pipeline.Tests.SimulatedWeb;
using Crawler.Pipeline.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Pipeline.Tests.Hostile;

/// <summary>
/// What extraction finds a report page linking feeds the crawl's frontier (ReportPipeline → SourceDiscovery.Follow):
/// a page whose tables are pasted as images gets its images fetched for OCR, which discovery's own link reading does
/// not take for documents; a link both find is fetched once.
/// </summary>
public sealed class ExtractedLinksTests : IAsyncLifetime
{
    private const string Agency = "威海市环翠区商务局";
    private const string LinkText = Agency + "2023年政府信息公开工作年度报告";

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private SimulatedGovWeb web = null!;
    private RealPipeline pipeline = null!;
    private CrawlerRig rig = null!;

    public async Task InitializeAsync()
    {
        web = await SimulatedGovWeb.StartAsync();
        web.Map("/fe/list.html", c => Served.List(c, Served.ListPage("政府信息公开年报", [("/fe/art/2024/1.html", LinkText)])));
        web.Map("/fe/art/2024/1.html", c => Served.Html(c, $"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>{LinkText}</title></head><body>
            <div class="article"><h1>{LinkText}</h1>
            <p>一、总体情况</p><p>本机关2023年认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息。</p>
            <p>三、收到和处理政府信息公开申请情况</p><p><img src="/fe/attach/table3.png" alt="表三"></p>
            <p>四、政府信息公开行政复议、行政诉讼情况</p><p><img src="../../attach/table4.png"></p>
            <p>全文另见附件：<a href="/fe/attach/nb.pdf">年度报告（PDF）</a></p>
            </div></body></html>
            """));
        web.Map("/fe/attach/table3.png", c => Served.Document(c, Png, "image/png"));
        web.Map("/fe/attach/table4.png", c => Served.Document(c, Png, "image/png"));
        web.Map("/fe/attach/nb.pdf", c => Served.Document(c, File.ReadAllBytes(RealPipeline.Fixture(Storage.GoldReports.Huancui, "report.pdf")), "application/pdf"));
        pipeline = new RealPipeline();
        rig = new CrawlerRig(ledger: pipeline.Get<IFetchLedger>(), archive: pipeline.Get<ContentAddressedArchive>());
    }

    public async Task DisposeAsync()
    {
        rig.Dispose();
        await pipeline.DisposeAsync();
        await web.DisposeAsync();
    }

    [Fact]
    public async Task Images_a_report_page_pastes_its_tables_as_are_fetched_and_a_link_both_readers_find_is_fetched_once()
    {
        var run = pipeline.With(rig.Crawler);

        var summary = await run.RunAsync(web.Agency("hcq", Agency, "/fe/list.html"), default);

        Assert.Equal(1, web.HitsOn("/fe/attach/table3.png"));
        Assert.Equal(1, web.HitsOn("/fe/attach/table4.png"));
        Assert.Equal(1, web.HitsOn("/fe/attach/nb.pdf"));
        Assert.Equal(4, summary.DocumentsFetched);      // the page, the PDF and the two images
        Assert.Equal(1, summary.NewReports);            // the PDF: the page is context, the images alone are no report
    }
}
