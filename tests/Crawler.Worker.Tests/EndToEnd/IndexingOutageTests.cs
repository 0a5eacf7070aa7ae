using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Outbox;
using Crawler.Testing.Elasticsearch;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Worker.Tests.EndToEnd;

/// <summary>
/// A real crawl of the sample site while Elasticsearch is down: crawling goes on, every report waits in the
/// outbox, and once a cluster answers each document is sent exactly once, with the gold figures.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class IndexingOutageTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("index-outage-").FullName;

    [Fact]
    public async Task Crawling_with_the_cluster_down_queues_every_report_and_a_later_cluster_gets_each_once()
    {
        var port = ClosedPort();
        using (new EnvironmentScope(new() { ["Elasticsearch__Url"] = port.AbsoluteUri }))
        {
            var crawl = await CrawlerProcess.RunAsync(_directory, "crawl", "--once", "--sample", "--data", "data");
            Assert.True(crawl.ExitCode == 0, crawl.Output + crawl.Error);
        }
        var outbox = new SqliteOutbox($"Data Source={Path.Combine(_directory, "data", "state.db")}", TimeProvider.System);
        // Five report versions, and the compliance documents of the five agencies for the reports' year and the season's year.
        Assert.Equal(5 + ComplianceDocuments, (await outbox.CountAsync(IndexMessage.Topic, default))[OutboxStatus.Pending]);

        await using var server = await Elasticsearch9Server.StartAsync(port: port.Port);
        var options = new ElasticsearchOptions { Url = port };
        var index = new ElasticsearchReportIndex(ElasticsearchClientFactory.Create(options), options);
        Assert.True((await index.EnsureIndexAsync(default)).Succeeded);
        var dispatcher = new OutboxDispatcher(outbox, [new IndexDelivery(index, options, NullLogger<IndexDelivery>.Instance)], TimeProvider.System,
            NullLogger<OutboxDispatcher>.Instance);
        while ((await dispatcher.DispatchOnceAsync(IndexMessage.Topic, default)).Handled > 0) { }

        var reportIds = server.Cluster.BulkItems.Where(i => i.Index == "reports").Select(i => i.Id).ToHashSet();
        var documents = server.Cluster.Documents.Where(d => reportIds.Contains(d.Key)).Select(d => (Id: d.Key, Source: d.Value)).ToList();
        Assert.Equal(5, server.Cluster.BulkItems.Count(i => i.Index == "reports")); // each version sent once
        Assert.Equal(ComplianceDocuments, server.Cluster.BulkItems.Count(i => i.Index == "crawler-compliance"));
        Assert.Equal(5 + ComplianceDocuments, server.Cluster.Documents.Count);
        Assert.Equal(5, documents.Count);
        Assert.Equal(5, documents.Select(d => d.Id).Distinct().Count());
        var liaocheng = Assert.Single(documents, d => d.Source["agency"]!.GetValue<string>() == "聊城市商务局").Source;
        Assert.Equal(3, liaocheng["applications"]!["newReceived"]!["total"]!.GetValue<long>());
        Assert.Equal(ReportDocumentId.For("聊城市商务局", 2023, liaocheng["sha256"]!.GetValue<string>()), documents.Single(d => d.Source == liaocheng).Id);
        Assert.All(documents, d => Assert.True(d.Source["isLatest"]!.GetValue<bool>()));
        Assert.All(documents, d => Assert.False(string.IsNullOrWhiteSpace(d.Source["text"]?.GetValue<string>())));
        Assert.Equal(5 + ComplianceDocuments, (await outbox.CountAsync(IndexMessage.Topic, default))[OutboxStatus.Delivered]);
    }

    /// <summary>The sample site's five agencies, each for its 2023 report and for the season's year (missing).</summary>
    private const int ComplianceDocuments = 10;

    /// <summary>
    /// Found by the crash test: a pass sent one _bulk batch and left the rest queued (17 of 217 documents after a
    /// 240-agency first crawl). With batches of 2, the five sample reports must all be indexed by the one pass.
    /// </summary>
    [Fact]
    public async Task One_crawl_pass_indexes_every_stored_report_even_when_they_fill_several_batches()
    {
        await using var server = await Elasticsearch9Server.StartAsync();
        using (new EnvironmentScope(new() { ["Elasticsearch__Url"] = server.Url.AbsoluteUri, ["Elasticsearch__BatchSize"] = "2" }))
        {
            var crawl = await CrawlerProcess.RunAsync(_directory, "crawl", "--once", "--sample", "--data", "data");
            Assert.True(crawl.ExitCode == 0, crawl.Output + crawl.Error);
        }

        var bulks = server.Cluster.Requests.Where(r => r.Path == "/_bulk").ToList();
        Assert.Equal((5 + ComplianceDocuments + 1) / 2, bulks.Count);
        Assert.Equal(5 + ComplianceDocuments, server.Cluster.BulkItems.Select(i => i.Id).Distinct().Count());
        Assert.Equal(5, server.Cluster.BulkItems.Count(i => i.Index == "reports"));
        Assert.Equal(5 + ComplianceDocuments, server.Cluster.BulkItems.Count);
        var outbox = new SqliteOutbox($"Data Source={Path.Combine(_directory, "data", "state.db")}", TimeProvider.System);
        var counts = await outbox.CountAsync(IndexMessage.Topic, default);
        Assert.Equal((5 + ComplianceDocuments, 0), (counts[OutboxStatus.Delivered], counts[OutboxStatus.Pending]));
    }

    /// <summary>
    /// What issue 12 asks of a 9.x endpoint: `crawler es setup`, a crawl with Elasticsearch__Url set and `crawler
    /// reindex` go through the official client (its User-Agent, compatible-with=9), one document per stored version
    /// under an explicit id, and an unchanged second crawl sends nothing.
    /// </summary>
    [Fact]
    public async Task Setup_crawl_and_reindex_reach_a_9x_cluster_through_the_official_client_and_an_unchanged_second_crawl_sends_nothing()
    {
        await using var server = await Elasticsearch9Server.StartAsync();
        using (new EnvironmentScope(new() { ["Elasticsearch__Url"] = server.Url.AbsoluteUri }))
        {
            var setup = await CrawlerProcess.RunAsync(_directory, "es", "setup");
            Assert.True(setup.ExitCode == 0, setup.Output + setup.Error);
            var first = await CrawlerProcess.RunAsync(_directory, "crawl", "--once", "--sample", "--data", "data");
            Assert.True(first.ExitCode == 0, first.Output + first.Error);
            var afterFirst = server.Cluster.BulkItems.Count;
            var second = await CrawlerProcess.RunAsync(_directory, "crawl", "--once", "--sample", "--data", "data");
            Assert.True(second.ExitCode == 0, second.Output + second.Error);
            Assert.Equal(afterFirst, server.Cluster.BulkItems.Count);
            var reindex = await CrawlerProcess.RunAsync(_directory, "reindex", "--data", "data");
            Assert.True(reindex.ExitCode == 0, reindex.Output + reindex.Error);
        }

        Assert.Equal(["crawler-compliance", "reports-v1"], server.Cluster.Indices.Order());
        Assert.NotNull(server.Cluster.Template("reports"));
        Assert.NotNull(server.Cluster.Template("crawler-compliance"));
        var items = server.Cluster.BulkItems.Where(i => i.Index == "reports").ToList();
        var crawled = items.Take(5).ToList();
        Assert.All(crawled, i => Assert.Equal(("index", "reports"), (i.Action, i.Index)));
        Assert.Equal(5, crawled.Select(i => i.Id).Distinct().Count());
        Assert.Equal(10, items.Count); // five from the first crawl, none from the second, five from reindex
        Assert.Equal(crawled.Select(i => i.Id).Order(), items.Skip(5).Select(i => i.Id).Order()); // reindex: the same ids
        // Compliance: ten from the first crawl, none from the second, the five stored agencies' 2023 documents again from reindex.
        var compliance = server.Cluster.BulkItems.Where(i => i.Index == "crawler-compliance").ToList();
        Assert.Equal(ComplianceDocuments + 5, compliance.Count);
        Assert.Equal(crawled.Select(i => i.Id).Concat(compliance.Take(ComplianceDocuments).Select(i => i.Id)).Order(), server.Cluster.Documents.Keys.Order());
        Assert.All(server.Cluster.Requests, r => Assert.Matches(@"^elasticsearch-net/9\.5\.3\+[0-9a-f]+ \(", r.Header("User-Agent")));
        Assert.All(server.Cluster.Requests.Where(r => r.Path != "/_bulk"),
            r => Assert.Equal("application/vnd.elasticsearch+json;compatible-with=9", r.Header("Accept")));
        Assert.All(server.Cluster.Requests.Where(r => r.Path == "/_bulk"), r => Assert.Equal("application/x-ndjson", r.Header("Content-Type")));
    }

    /// <summary>The connection options are validated when the worker starts: one line per problem, exit 2, no crawl.</summary>
    [Fact]
    public async Task The_worker_refuses_to_start_with_invalid_connection_options_naming_each_key()
    {
        using (new EnvironmentScope(new()
        {
            ["Elasticsearch__Url"] = "https://es01:9200",
            ["Elasticsearch__Nodes"] = "http://es02:9200",
            ["Elasticsearch__CertificateFingerprint"] = "not-a-fingerprint",
            ["Elasticsearch__ApiKey"] = "plain-secret",
            ["Web__Port"] = ClosedPort().Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))
        {
            var run = await CrawlerProcess.RunAsync(_directory, "run", "--data", "data");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("Elasticsearch:Url/Nodes mix http:// and https://", run.Error);
            Assert.Contains("Elasticsearch:CertificateFingerprint must be a SHA-256 fingerprint", run.Error);
            Assert.Contains("Elasticsearch:ApiKey is not an encoded API key", run.Error);
            Assert.DoesNotContain("   at ", run.Error); // a message, not a stack trace
        }
        Assert.False(File.Exists(Path.Combine(_directory, "data", "state.db")));
    }

    private static Uri ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
