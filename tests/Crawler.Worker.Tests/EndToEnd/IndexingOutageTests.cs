using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Indexing;
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
        using (new EnvironmentScope(new() { ["Elasticsearch__Url"] = port.AbsoluteUri, ["Elasticsearch__RequestAttempts"] = "1" }))
        {
            var crawl = await CrawlerProcess.RunAsync(_directory, "crawl", "--once", "--sample", "--data", "data");
            Assert.True(crawl.ExitCode == 0, crawl.Output + crawl.Error);
        }
        var outbox = new SqliteOutbox($"Data Source={Path.Combine(_directory, "data", "state.db")}", TimeProvider.System);
        Assert.Equal(5, (await outbox.CountAsync(IndexMessage.Topic, default))[OutboxStatus.Pending]);

        var documents = new ConcurrentBag<(string Id, JsonObject Source)>();
        await using var server = await FakeElasticsearch.StartAsync(r =>
        {
            var lines = r.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var items = new JsonArray();
            for (var i = 0; i < lines.Length; i += 2)
            {
                var id = JsonNode.Parse(lines[i])!["index"]!["_id"]!.GetValue<string>();
                documents.Add((id, JsonNode.Parse(lines[i + 1])!.AsObject()));
                items.Add(new JsonObject { ["index"] = new JsonObject { ["_id"] = id, ["status"] = 201 } });
            }
            return (200, new JsonObject { ["errors"] = false, ["items"] = items }.ToJsonString());
        }, port.Port);
        var options = new ElasticsearchOptions { Url = port, RequestAttempts = 1 };
        var client = new ElasticsearchRestClient(ElasticsearchConnection.CreateClient(options), options, TimeProvider.System, NullLogger<ElasticsearchRestClient>.Instance);
        var dispatcher = new IndexOutboxDispatcher(outbox, client, options, TimeProvider.System, NullLogger<IndexOutboxDispatcher>.Instance);
        while ((await dispatcher.DispatchOnceAsync(default)).Handled > 0) { }

        Assert.Equal(5, documents.Count);
        Assert.Equal(5, documents.Select(d => d.Id).Distinct().Count());
        var liaocheng = Assert.Single(documents, d => d.Source["agency"]!.GetValue<string>() == "聊城市商务局").Source;
        Assert.Equal(3, liaocheng["applications"]!["newReceived"]!["total"]!.GetValue<long>());
        Assert.Equal(ReportDocumentId.For("聊城市商务局", 2023, liaocheng["sha256"]!.GetValue<string>()), documents.Single(d => d.Source == liaocheng).Id);
        Assert.All(documents, d => Assert.True(d.Source["isLatest"]!.GetValue<bool>()));
        Assert.All(documents, d => Assert.False(string.IsNullOrWhiteSpace(d.Source["text"]?.GetValue<string>())));
        Assert.Equal(5, (await outbox.CountAsync(IndexMessage.Topic, default))[OutboxStatus.Delivered]);
    }

    /// <summary>
    /// Found by the crash test: a pass sent one _bulk batch and left the rest queued (17 of 217 documents after a
    /// 240-agency first crawl). With batches of 2, the five sample reports must all be indexed by the one pass.
    /// </summary>
    [Fact]
    public async Task One_crawl_pass_indexes_every_stored_report_even_when_they_fill_several_batches()
    {
        var bulkRequests = 0;
        var documents = new ConcurrentBag<string>();
        await using var server = await FakeElasticsearch.StartAsync(r =>
        {
            if (!r.Path.EndsWith("/_bulk", StringComparison.Ordinal)) return (200, "{}");
            Interlocked.Increment(ref bulkRequests);
            var lines = r.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var items = new JsonArray();
            for (var i = 0; i < lines.Length; i += 2)
            {
                var id = JsonNode.Parse(lines[i])!["index"]!["_id"]!.GetValue<string>();
                documents.Add(id);
                items.Add(new JsonObject { ["index"] = new JsonObject { ["_id"] = id, ["status"] = 201 } });
            }
            return (200, new JsonObject { ["errors"] = false, ["items"] = items }.ToJsonString());
        });
        using (new EnvironmentScope(new() { ["Elasticsearch__Url"] = server.Url.AbsoluteUri, ["Elasticsearch__BatchSize"] = "2" }))
        {
            var crawl = await CrawlerProcess.RunAsync(_directory, "crawl", "--once", "--sample", "--data", "data");
            Assert.True(crawl.ExitCode == 0, crawl.Output + crawl.Error);
        }

        Assert.Equal(5, documents.Distinct().Count());
        Assert.Equal(5, documents.Count);
        Assert.Equal(3, bulkRequests);
        var outbox = new SqliteOutbox($"Data Source={Path.Combine(_directory, "data", "state.db")}", TimeProvider.System);
        var counts = await outbox.CountAsync(IndexMessage.Topic, default);
        Assert.Equal((5, 0), (counts[OutboxStatus.Delivered], counts[OutboxStatus.Pending]));
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
