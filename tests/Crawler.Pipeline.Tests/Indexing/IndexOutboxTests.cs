using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Storage;
using Crawler.Testing.Elasticsearch;

namespace Crawler.Pipeline.Tests.Indexing;

/// <summary>
/// The durable index queue on a real SQLite file, delivered by the one outbox dispatcher through the official client
/// to a loopback Elasticsearch 9 that is down, then up, then refuses items.
/// </summary>
public sealed class IndexOutboxTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("index-outbox-").FullName;

    private SqliteOutbox Outbox() => new($"Data Source={Path.Combine(_directory, "state.db")}", TimeProvider.System);

    private static string Sha(int n) => n.ToString("x64");

    private static string Id(int n) => ReportDocumentId.For("聊城市商务局", 2023, Sha(n));

    private static async Task<Elasticsearch9Server> ReadyClusterAsync(ElasticsearchOptions options, int port = 0)
    {
        var server = await Elasticsearch9Server.StartAsync(port: port);
        Assert.True((await IndexingFixtures.Client(options with { Url = server.Url }).EnsureIndexAsync(default)).Succeeded);
        return server;
    }

    [Fact]
    public async Task With_the_cluster_down_enqueueing_goes_on_and_when_it_comes_up_every_document_is_sent_exactly_once()
    {
        var port = IndexingFixtures.ClosedPort();
        var options = IndexingFixtures.Options(port) with { BatchSize = 7 };
        var outbox = Outbox();
        var observer = new IndexingObserver(outbox, new InMemoryReportVersions(), TimeProvider.System);
        var dispatcher = IndexingFixtures.Dispatcher(outbox, options);

        for (var n = 0; n < 25; n++)
        {
            await observer.OnStoredAsync(IndexingFixtures.Version(Sha(n), versionId: n), default);
            if (n % 5 == 0) Assert.Contains("cannot reach", (await dispatcher.DispatchOnceAsync(IndexMessage.Topic, default)).Unreachable);
        }
        await observer.OnStoredAsync(IndexingFixtures.Version(Sha(3), versionId: 3), default); // announced twice after a crash

        var counts = await outbox.CountAsync(IndexMessage.Topic, default);
        Assert.Equal(25, counts[OutboxStatus.Pending]);
        Assert.All(await outbox.DueAsync(IndexMessage.Topic, 100, default), m => Assert.Equal(0, m.Attempts)); // an outage spends no attempt

        await using var server = await ReadyClusterAsync(options, port.Port);
        DispatchSummary summary;
        var rounds = 0;
        do
        {
            summary = await dispatcher.DispatchOnceAsync(IndexMessage.Topic, default);
            rounds++;
        }
        while (summary.Handled > 0);

        Assert.Equal(5, rounds); // 7 + 7 + 7 + 4, then an idle round
        var bulks = server.Cluster.Requests.Where(r => r.Path == "/_bulk").ToList();
        Assert.Equal(4, bulks.Count);
        var items = server.Cluster.BulkItems.ToList();
        Assert.Equal(25, items.Count);
        Assert.All(items, i => Assert.Equal(("index", "reports"), (i.Action, i.Index)));
        Assert.Equal(Enumerable.Range(0, 25).Select(Id).Order(), items.Select(i => i.Id).Order());
        Assert.Equal(Enumerable.Range(0, 25).Select(Id).Order(), server.Cluster.Documents.Keys.Order());
        counts = await Outbox().CountAsync(IndexMessage.Topic, default);
        Assert.Equal((25, 0, 0), (counts[OutboxStatus.Delivered], counts[OutboxStatus.Pending], counts[OutboxStatus.Dead]));
    }

    [Fact]
    public async Task A_whole_request_429_leaves_the_batch_untouched_and_the_next_round_delivers_it()
    {
        var options = IndexingFixtures.Options(new Uri("http://127.0.0.1:1"));
        await using var server = await ReadyClusterAsync(options);
        options = options with { Url = server.Url };
        var outbox = Outbox();
        var observer = new IndexingObserver(outbox, new InMemoryReportVersions(), TimeProvider.System);
        foreach (var n in new[] { 0, 1 }) await observer.OnStoredAsync(IndexingFixtures.Version(Sha(n)), default);
        var dispatcher = IndexingFixtures.Dispatcher(outbox, options);

        server.Cluster.Intercept = r => r.Path == "/_bulk" ? EsAnswer.TooManyRequests : null;
        var throttled = await dispatcher.DispatchOnceAsync(IndexMessage.Topic, default);
        Assert.All(await outbox.DueAsync(IndexMessage.Topic, 10, default), m => Assert.Equal(0, m.Attempts));
        server.Cluster.Intercept = null;
        var delivered = await dispatcher.DispatchOnceAsync(IndexMessage.Topic, default);

        Assert.Equal(0, throttled.Handled);
        Assert.Contains("answered 429", throttled.Unreachable);
        Assert.Equal(new DispatchSummary(2, 0, 0), delivered);
        Assert.Equal(new[] { Id(0), Id(1) }.Order(), server.Cluster.Documents.Keys.Order());
    }

    [Fact]
    public async Task Refused_items_are_retried_one_by_one_a_429_item_then_succeeds_and_a_mapping_error_is_dead_with_its_reason()
    {
        var options = IndexingFixtures.Options(new Uri("http://127.0.0.1:1")) with { MaxRejectedAttempts = 1, PollInterval = TimeSpan.FromHours(1) };
        await using var server = await ReadyClusterAsync(options);
        options = options with { Url = server.Url };
        // The 429 item is refused inside the batch and accepted when sent alone; item 1 breaks the strict mapping.
        server.Cluster.ItemFault = (item, attempt) => item.Id == Id(2) && attempt == 1 ? EsItemFault.Rejected : null;
        var outbox = Outbox();
        var observer = new IndexingObserver(outbox, new InMemoryReportVersions(), TimeProvider.System);
        foreach (var n in new[] { 0, 1, 2 }) await observer.OnStoredAsync(IndexingFixtures.Version(Sha(n)), default);
        await CorruptAsync(outbox, Id(1));

        var summary = await IndexingFixtures.Dispatcher(outbox, options).DispatchOnceAsync(IndexMessage.Topic, default);

        Assert.Equal(new DispatchSummary(2, 0, 1), summary);
        Assert.Equal(new[] { Id(0), Id(2) }.Order(), server.Cluster.Documents.Keys.Order());
        var bulks = server.Cluster.Requests.Where(r => r.Path == "/_bulk").Select(r => r.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length / 2).ToList();
        Assert.Equal([3, 1, 1], bulks); // the batch, then each refused item alone
        Assert.Equal(2, server.Cluster.Received("index", Id(1)));
        var dead = Assert.Single(await DeadErrorsAsync());
        Assert.Contains("strict_dynamic_mapping_exception", dead);
        Assert.Contains("[unexpectedField]", dead);
        var counts = await outbox.CountAsync(IndexMessage.Topic, default);
        Assert.Equal((2, 0, 1), (counts[OutboxStatus.Delivered], counts[OutboxStatus.Pending], counts[OutboxStatus.Dead]));
    }

    [Fact]
    public async Task A_429_item_that_keeps_failing_waits_for_its_backoff_and_is_dead_after_the_retry_budget()
    {
        var options = IndexingFixtures.Options(new Uri("http://127.0.0.1:1")) with { MaxDeliveryAttempts = 2, PollInterval = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(1) };
        await using var server = await ReadyClusterAsync(options);
        options = options with { Url = server.Url };
        server.Cluster.ItemFault = (item, _) => item.Id == Id(1) ? EsItemFault.Rejected : null;
        var outbox = Outbox();
        var observer = new IndexingObserver(outbox, new InMemoryReportVersions(), TimeProvider.System);
        foreach (var n in new[] { 0, 1 }) await observer.OnStoredAsync(IndexingFixtures.Version(Sha(n)), default);
        var dispatcher = IndexingFixtures.Dispatcher(outbox, options);

        var first = await dispatcher.DispatchOnceAsync(IndexMessage.Topic, default);
        await Task.Delay(50);
        var second = await dispatcher.DispatchOnceAsync(IndexMessage.Topic, default);

        Assert.Equal(new DispatchSummary(1, 1, 0), first);
        Assert.Equal(new DispatchSummary(0, 0, 1), second);
        var dead = Assert.Single(await DeadErrorsAsync());
        Assert.StartsWith("gave up after 2 attempts: ", dead);
        Assert.Contains("es_rejected_execution_exception", dead);
        Assert.Equal([Id(0)], server.Cluster.Documents.Keys);
    }

    [Fact]
    public async Task A_new_version_is_indexed_and_the_previous_one_loses_isLatest_in_the_same_bulk()
    {
        var options = IndexingFixtures.Options(new Uri("http://127.0.0.1:1")) with { Compression = false };
        await using var server = await ReadyClusterAsync(options);
        options = options with { Url = server.Url };
        var versions = new InMemoryReportVersions();
        var outbox = Outbox();
        var observer = new IndexingObserver(outbox, versions, TimeProvider.System);
        var first = IndexingFixtures.Version(Sha(1), version: 1, versionId: 1);
        var second = IndexingFixtures.Version(Sha(2), version: 2, versionId: 2);
        versions.Versions.AddRange([first, second]);

        await observer.OnStoredAsync(first, default);
        await observer.OnStoredAsync(second, default);
        await IndexingFixtures.Dispatcher(outbox, options).DispatchOnceAsync(IndexMessage.Topic, default);

        var lines = Assert.Single(server.Cluster.Requests, r => r.Path == "/_bulk").Body.Split('\n');
        var (firstId, secondId) = (ReportIndexDocument.IdOf(first), ReportIndexDocument.IdOf(second));
        Assert.Equal($"{{\"index\":{{\"_id\":\"{firstId}\",\"_index\":\"reports\"}}}}", lines[0]);
        Assert.Equal($"{{\"index\":{{\"_id\":\"{secondId}\",\"_index\":\"reports\"}}}}", lines[2]);
        Assert.Equal($"{{\"update\":{{\"_id\":\"{firstId}\",\"_index\":\"reports\",\"retry_on_conflict\":3}}}}", lines[4]);
        Assert.Equal("{\"doc\":{\"isLatest\":false}}", lines[5]);
        Assert.False(server.Cluster.Documents[firstId]["isLatest"]!.GetValue<bool>());
        Assert.True(server.Cluster.Documents[secondId]["isLatest"]!.GetValue<bool>());
    }

    /// <summary>The reasons recorded for the dead messages.</summary>
    private async Task<List<string>> DeadErrorsAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, "state.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_error FROM outbox WHERE status = 'Dead' ORDER BY id";
        var errors = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) errors.Add(reader.GetString(0));
        return errors;
    }

    /// <summary>Rewrites a queued document so it carries a field the strict mapping does not know.</summary>
    private async Task CorruptAsync(SqliteOutbox outbox, string id)
    {
        var message = (await outbox.DueAsync(IndexMessage.Topic, 10, default)).Single(m => m.Payload.Contains(id, StringComparison.Ordinal));
        var payload = message.Payload.Replace("\"agency\":", "\"unexpectedField\":1,\"agency\":", StringComparison.Ordinal);
        Assert.NotEqual(message.Payload, payload);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, "state.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE outbox SET payload = $payload WHERE id = $id";
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$id", message.Id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
