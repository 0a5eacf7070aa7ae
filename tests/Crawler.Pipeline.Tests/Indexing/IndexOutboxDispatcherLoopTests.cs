using System.Collections.Concurrent;
using System.Text.Json;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Pipeline.Tests.Indexing;

/// <summary>The dispatcher as the worker runs it (its background loop), through an outage and a recovery.</summary>
public sealed class IndexOutboxDispatcherLoopTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dispatch-loop-").FullName;

    [Fact]
    public async Task The_running_dispatcher_waits_out_an_outage_and_then_sends_each_document_once()
    {
        var port = IndexingFixtures.ClosedPort();
        var options = IndexingFixtures.Options(port) with { RequestAttempts = 1, BatchSize = 4, MaxRetryDelay = TimeSpan.FromMilliseconds(100) };
        var outbox = new SqliteOutbox($"Data Source={Path.Combine(_directory, "state.db")}", TimeProvider.System);
        var observer = new IndexingObserver(outbox, new InMemoryReportVersions(), TimeProvider.System);
        using var dispatcher = new IndexOutboxDispatcher(outbox, IndexingFixtures.Client(options), options, TimeProvider.System, NullLogger<IndexOutboxDispatcher>.Instance);
        await dispatcher.StartAsync(default);

        for (var n = 0; n < 10; n++) await observer.OnStoredAsync(IndexingFixtures.Version(n.ToString("x64")), default);
        await Task.Delay(300); // several failed passes against the closed port
        Assert.Equal(10, (await outbox.CountAsync(IndexMessage.Topic, default))[OutboxStatus.Pending]);

        var received = new ConcurrentBag<string>();
        await using var server = await FakeElasticsearch.StartAsync(r =>
        {
            var lines = r.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var ids = lines.Where((_, i) => i % 2 == 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("index").GetProperty("_id").GetString()!).ToList();
            foreach (var id in ids) received.Add(id);
            return (200, JsonSerializer.Serialize(new { errors = false, items = ids.Select(id => new { index = new { _id = id, status = 201 } }) }));
        }, port.Port);
        for (var waited = 0; waited < 100 && (await outbox.CountAsync(IndexMessage.Topic, default))[OutboxStatus.Delivered] < 10; waited++) await Task.Delay(100);
        await dispatcher.StopAsync(default);

        Assert.Equal(10, (await outbox.CountAsync(IndexMessage.Topic, default))[OutboxStatus.Delivered]);
        Assert.Equal(10, received.Count);
        Assert.Equal(10, received.Distinct().Count());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
