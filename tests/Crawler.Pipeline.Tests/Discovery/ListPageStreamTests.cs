using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Telemetry;
using Crawler.Pipeline.Tests.Archiving;
using Crawler.Pipeline.Tests.Processing;
using Crawler.Pipeline.Tests.SimulatedWeb;
using Microsoft.Extensions.Logging.Abstractions;
using static Crawler.Pipeline.Tests.SimulatedWeb.SimulatedAgencies;

namespace Crawler.Pipeline.Tests.Discovery;

/// <summary>
/// Every fetch comes out of the one discovery stream: list pages (columns, their pagination, CMS data responses) as
/// <see cref="DocumentRole.ListPage"/>, in fetch order before the reports they lead to, never counted as documents;
/// the pipeline archives them and writes them to the crawl's WARC.
/// </summary>
public sealed class ListPageStreamTests : IAsyncLifetime
{
    private SimulatedGovWeb web = null!;

    public async Task InitializeAsync() => web = await SimulatedGovWeb.StartAsync();

    public async Task DisposeAsync() => await web.DisposeAsync();

    private static string Describe(CrawledDocument d) => $"{d.Role} {d.Response.FinalUrl.PathAndQuery} parent {d.ParentUrl?.AbsolutePath ?? "-"}";

    [Fact]
    public async Task The_stream_yields_each_list_page_in_fetch_order_before_the_reports_it_leads_to_and_counts_only_the_reports()
    {
        using var rig = new CrawlerRig();
        var trs = await StreamAsync(rig, web.Agency("liaocheng-commerce", "聊城市商务局", TrsColumn));
        var hanweb = await StreamAsync(rig, web.Agency("lushan-commerce", "鲁山县商务局", HanwebColumn));

        Assert.Equal(
        [
            "ListPage /trs/zfxxgknb/index.html parent -",
            "ListPage /trs/zfxxgknb/index_1.html parent /trs/zfxxgknb/index.html",
            "ListPage /trs/zfxxgknb/index_2.html parent /trs/zfxxgknb/index.html",
            "ReportPage /trs/zfxxgknb/202401/t20240125_1001.html parent /trs/zfxxgknb/index.html",
            "ReportPage /trs/zfxxgknb/202301/t20230120_0901.html parent /trs/zfxxgknb/index_1.html",
            "ReportAttachment /trs/zfxxgknb/202301/P020230120_report.txt parent /trs/zfxxgknb/202301/t20230120_0901.html",
        ], trs.Stream);
        Assert.Equal(
        [
            "ListPage /col/col1229/index.html parent -",
            "ListPage /module/web/jpage/dataproxy.jsp?startrecord=3&endrecord=4&perpage=2 parent /col/col1229/index.html",
            "ListPage /module/web/jpage/dataproxy.jsp?startrecord=5&endrecord=5&perpage=2 parent /col/col1229/index.html",
            "ReportPage /art/2024/1/20/art_1229_501.html parent /col/col1229/index.html",
            "ReportPage /art/2023/1/18/art_1229_401.html parent /module/web/jpage/dataproxy.jsp",
            "ReportPage /art/2022/1/25/art_1229_301.html parent /module/web/jpage/dataproxy.jsp",
        ], hanweb.Stream);

        // The list-page counts are what they were; list pages are no documents, found nor in the progress (done, queued):
        // TRS's four document tasks are its three reports and the page robots.txt denies.
        Assert.Equal((3, 3, (4, 4)), (trs.Result.ListPagesFetched, trs.Result.DocumentsFound, trs.Progress));
        Assert.Equal((3, 3, (3, 3)), (hanweb.Result.ListPagesFetched, hanweb.Result.DocumentsFound, hanweb.Progress));
        // Each list page came with its body file, the consumer's: deleted here, so only the reports' six remain.
        Assert.Equal(6, trs.ListBodies + hanweb.ListBodies);
        Assert.Equal(6, Directory.GetFiles(rig.BodyDirectory).Length);
    }

    [Fact]
    public async Task A_crawl_through_the_pipeline_writes_every_list_page_to_the_warc_and_leaves_no_body_file()
    {
        await using var pipeline = new RealPipeline();
        using var rig = new CrawlerRig(ledger: pipeline.Get<IFetchLedger>(), archive: pipeline.Get<ContentAddressedArchive>());
        var run = pipeline.With(rig.Crawler);

        var summary = await run.RunAsync(web.Agency("liaocheng-commerce", "聊城市商务局", TrsColumn), default);

        Assert.Equal(3, summary.DocumentsFetched);      // two report pages and the attachment; the list pages are no documents
        var responses = WarcRecordReader.Read(Assert.Single(Directory.GetFiles(new DataLayout(pipeline.DataDirectory).Warc)))
            .Where(r => r["WARC-Type"] == "response")
            .Select(r => new Uri(r["WARC-Target-URI"]).AbsolutePath)
            .ToList();
        Assert.Equal(
        [
            "/trs/zfxxgknb/index.html", "/trs/zfxxgknb/index_1.html", "/trs/zfxxgknb/index_2.html",
            "/trs/zfxxgknb/202401/t20240125_1001.html", "/trs/zfxxgknb/202301/t20230120_0901.html", "/trs/zfxxgknb/202301/P020230120_report.txt",
        ], responses);
        Assert.Empty(Directory.Exists(rig.BodyDirectory) ? Directory.GetFiles(rig.BodyDirectory) : []);
    }

    /// <summary>One source's stream as it comes, list pages' body files checked and deleted, report documents' kept.</summary>
    private static async Task<(List<string> Stream, SourceCrawlResult Result, (int Done, int Queued) Progress, int ListBodies)> StreamAsync(
        CrawlerRig rig, Crawler.Pipeline.Sources.Source source)
    {
        var progress = (0, 0);
        var discovery = rig.Crawler.Discover(source, default, onProgress: (done, queued) => progress = (done, queued));
        var stream = new List<string>();
        var listBodies = 0;
        await foreach (var document in discovery)
        {
            stream.Add(Describe(document));
            if (document.Role != DocumentRole.ListPage) continue;
            Assert.Equal(new FileInfo(document.Response.BodyFile!).Length, document.Response.BodyLength);
            listBodies++;
            CrawlerRig.DeleteBody(document);
        }
        return (stream, discovery.Result, progress, listBodies);
    }
}
