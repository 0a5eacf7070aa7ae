using System.Collections.Concurrent;
using System.Text.Json;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Pipeline.Tests.Indexing;

/// <summary>The durable index queue on a real SQLite file, with a real HTTP server that is down, then up.</summary>
public sealed class IndexOutboxTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("index-outbox-").FullName;

    private SqliteOutbox Outbox() => new($"Data Source={Path.Combine(_directory, "state.db")}", TimeProvider.System);

    private static string Sha(int n) => n.ToString("x64");

    private static IndexOutboxDispatcher Dispatcher(IOutbox outbox, ElasticsearchOptions options) =>
        new(outbox, IndexingFixtures.Client(options), options, TimeProvider.System, NullLogger<IndexOutboxDispatcher>.Instance);

    /// <summary>Answers _bulk like Elasticsearch: one item per action line, with the status the script picks.</summary>
    private static (int, string) AnswerBulk(RecordedRequest request, ConcurrentBag<string> received, Func<string, int>? status = null)
    {
        var lines = request.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new List<object>();
        for (var i = 0; i < lines.Length; i += 2)
        {
            using var action = JsonDocument.Parse(lines[i]);
            var verb = action.RootElement.EnumerateObject().First();
            var id = verb.Value.GetProperty("_id").GetString()!;
            var code = status?.Invoke(id) ?? 201;
            if (code < 300) received.Add($"{verb.Name}:{id}");
            items.Add(code < 300
                ? new Dictionary<string, object> { [verb.Name] = new { _index = "reports-v1", _id = id, status = code, result = "created" } }
                : new Dictionary<string, object> { [verb.Name] = new { _index = "reports-v1", _id = id, status = code, error = new { type = "document_parsing_exception", reason = "failed to parse field [year] of type [integer]" } } });
        }
        return (200, JsonSerializer.Serialize(new { took = 1, errors = items.Count > 0, items }));
    }

    [Fact]
    public async Task With_the_cluster_down_enqueueing_goes_on_and_when_it_comes_up_every_document_is_sent_exactly_once()
    {
        var port = IndexingFixtures.ClosedPort();
        var options = IndexingFixtures.Options(port) with { BatchSize = 7, RequestAttempts = 1 };
        var outbox = Outbox();
        var observer = new IndexingObserver(outbox, new InMemoryReportVersions(), TimeProvider.System);
        var dispatcher = Dispatcher(outbox, options);

        for (var n = 0; n < 25; n++)
        {
            await observer.OnStoredAsync(IndexingFixtures.Version(Sha(n), versionId: n), default);
            if (n % 5 == 0) Assert.NotNull((await dispatcher.DispatchOnceAsync(default)).Unreachable);
        }
        await observer.OnStoredAsync(IndexingFixtures.Version(Sha(3), versionId: 3), default); // announced twice after a crash

        var counts = await outbox.CountAsync(IndexMessage.Topic, default);
        Assert.Equal(25, counts[OutboxStatus.Pending]);
        Assert.All(await outbox.DueAsync(IndexMessage.Topic, 100, default), m => Assert.Equal(0, m.Attempts));

        var received = new ConcurrentBag<string>();
        await using var server = await FakeElasticsearch.StartAsync(r => AnswerBulk(r, received), port.Port);
        DispatchSummary summary;
        var passes = 0;
        do
        {
            summary = await dispatcher.DispatchOnceAsync(default);
            passes++;
        }
        while (summary.Handled > 0);

        Assert.Equal(5, passes); // 7 + 7 + 7 + 4, then an idle pass
        Assert.Equal(25, received.Count);
        Assert.Equal(25, received.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 25).Select(n => "index:" + ReportDocumentId.For("聊城市商务局", 2023, Sha(n))).Order(), received.Order());
        counts = await Outbox().CountAsync(IndexMessage.Topic, default);
        Assert.Equal((25, 0, 0), (counts[OutboxStatus.Delivered], counts[OutboxStatus.Pending], counts[OutboxStatus.Dead]));
    }

    [Fact]
    public async Task A_mapping_error_is_dead_with_the_reason_while_a_429_item_waits_for_its_retry()
    {
        var received = new ConcurrentBag<string>();
        var rejected = ReportDocumentId.For("聊城市商务局", 2023, Sha(1));
        var throttled = ReportDocumentId.For("聊城市商务局", 2023, Sha(2));
        await using var server = await FakeElasticsearch.StartAsync(r => AnswerBulk(r, received, id => id == rejected ? 400 : id == throttled ? 429 : 201));
        var options = IndexingFixtures.Options(server.Url) with { RequestAttempts = 1, PollInterval = TimeSpan.FromHours(1) };
        var outbox = Outbox();
        var observer = new IndexingObserver(outbox, new InMemoryReportVersions(), TimeProvider.System);
        foreach (var n in new[] { 0, 1, 2 }) await observer.OnStoredAsync(IndexingFixtures.Version(Sha(n)), default);

        var summary = await Dispatcher(outbox, options).DispatchOnceAsync(default);

        Assert.Equal(new DispatchSummary(1, 1, 1, null), summary);
        Assert.Empty(await outbox.DueAsync(IndexMessage.Topic, 10, default)); // the 429 item waits an hour
        var counts = await outbox.CountAsync(IndexMessage.Topic, default);
        Assert.Equal((1, 1, 1), (counts[OutboxStatus.Delivered], counts[OutboxStatus.Pending], counts[OutboxStatus.Dead]));
    }

    [Fact]
    public async Task A_new_version_is_indexed_and_the_previous_one_loses_isLatest_in_the_same_bulk()
    {
        var received = new ConcurrentBag<string>();
        var bodies = new ConcurrentQueue<string>();
        await using var server = await FakeElasticsearch.StartAsync(r =>
        {
            bodies.Enqueue(r.Text);
            return AnswerBulk(r, received);
        });
        var versions = new InMemoryReportVersions();
        var outbox = Outbox();
        var observer = new IndexingObserver(outbox, versions, TimeProvider.System);
        var first = IndexingFixtures.Version(Sha(1), version: 1, versionId: 1);
        var second = IndexingFixtures.Version(Sha(2), version: 2, versionId: 2);
        versions.Versions.AddRange([first, second]);

        await observer.OnStoredAsync(first, default);
        await observer.OnStoredAsync(second, default);
        await Dispatcher(outbox, IndexingFixtures.Options(server.Url)).DispatchOnceAsync(default);

        var lines = Assert.Single(bodies).Split('\n');
        var (firstId, secondId) = (ReportIndexDocument.IdOf(first), ReportIndexDocument.IdOf(second));
        Assert.Equal($"{{\"index\":{{\"_index\":\"reports\",\"_id\":\"{firstId}\"}}}}", lines[0]);
        Assert.Equal($"{{\"index\":{{\"_index\":\"reports\",\"_id\":\"{secondId}\"}}}}", lines[2]);
        Assert.Equal($"{{\"update\":{{\"_index\":\"reports\",\"_id\":\"{firstId}\",\"retry_on_conflict\":3}}}}", lines[4]);
        Assert.Equal("{\"doc\":{\"isLatest\":false}}", lines[5]);
        Assert.Equal(3, received.Count);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
