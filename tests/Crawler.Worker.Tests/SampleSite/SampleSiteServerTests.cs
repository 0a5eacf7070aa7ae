using System.Collections.Concurrent;
using System.IO.Compression;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;
using Crawler.Tests.Shared;
using Crawler.Worker.SampleSite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Tests.SampleSite;

public sealed class SampleSiteServerTests
{
    [Fact]
    public async Task Crawling_the_sample_site_finds_exactly_the_five_seed_reports()
    {
        await using var site = await SampleSiteServer.StartAsync(RepositoryPaths.Seeds, CancellationToken.None);
        var bodies = Path.Combine(Path.GetTempPath(), "crawler-sample-tests", Guid.NewGuid().ToString("N"));
        var fetchOptions = new FetchOptions { ContactUrl = "https://example.org/contact", PerHostDelay = TimeSpan.FromMilliseconds(10), TemporaryDirectory = bodies };
        using var fetcher = new PoliteFetcher(Options.Create(fetchOptions), TimeProvider.System, new HostGate(TimeProvider.System), new NetworkAddressPolicy(), NullLogger<PoliteFetcher>.Instance);
        var crawler = new ReportDiscovery(fetcher, Options.Create(new DiscoveryOptions()), TimeProvider.System, NullLogger<ReportDiscovery>.Instance);
        var documents = new ConcurrentBag<CrawledDocument>();

        try
        {
            var results = await Task.WhenAll(site.Sources().Select(async s =>
            {
                var discovery = crawler.Discover(s, CancellationToken.None);
                await foreach (var d in discovery)
                {
                    // List pages are kept for the record by the pipeline; here only their body file is cleaned up.
                    if (d.Role != DocumentRole.ListPage) documents.Add(d);
                    else if (d.Response.BodyFile is { } listBody) File.Delete(listBody);
                }
                return discovery.Result;
            }));

            Assert.All(results, r => Assert.Empty(r.Problems));
            Assert.Equal(
                [
                    "sample-haidong-commerce ReportAttachment /haidong/files/P020240131_hdswj2023.docx 2023",
                    "sample-haidong-commerce ReportPage /haidong/gknb/202401/t20240131_5.html 2023",
                    "sample-huancui-commerce ReportPage /huancui/ndbg/content_502.html 2023",
                    "sample-liaocheng-commerce ReportPage /liaocheng/zfxxgknb/202401/t20240125_1001.html 2023",
                    "sample-liaocheng-office ReportPage /liaocheng/zfxxgknb/202401/t20240129_1002.html 2023",
                    "sample-lushan-commerce ReportPage /lushan/art/2024/1/20/art_1229_501.html 2023",
                ],
                documents.Select(d => $"{d.Source.Id} {d.Role} {d.Response.FinalUrl.AbsolutePath} {d.YearHint}").Order());

            var docx = documents.Single(d => d.Role == DocumentRole.ReportAttachment);
            Assert.Equal("/haidong/gknb/202401/t20240131_5.html", docx.ParentUrl!.AbsolutePath);
            using var zip = ZipFile.OpenRead(docx.Response.BodyFile!);
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            var xml = await reader.ReadToEndAsync();
            Assert.Contains("海东市商务局", xml);
            Assert.Contains("<w:tbl>", xml);

            var trs = documents.Single(d => d.Source.Id == "sample-liaocheng-commerce");
            var html = await File.ReadAllTextAsync(trs.Response.BodyFile!);
            Assert.Contains("<td>行政许可</td>", html);
        }
        finally
        {
            if (Directory.Exists(bodies)) Directory.Delete(bodies, recursive: true);
        }
    }
}
