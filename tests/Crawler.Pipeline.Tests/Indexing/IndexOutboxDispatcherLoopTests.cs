using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Storage;
using Crawler.Testing.Elasticsearch;

namespace Crawler.Pipeline.Tests.Indexing;

/// <summary>The one outbox dispatcher as the worker runs it (its background loop), through an outage and a recovery.</summary>
public sealed class IndexOutboxDispatcherLoopTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dispatch-loop-").FullName;

    [Fact]
    public async Task The_running_dispatcher_waits_out_an_outage_and_then_sends_each_document_once()
    {
        var port = IndexingFixtures.ClosedPort();
        var options = IndexingFixtures.Options(port) with { BatchSize = 4, MaxRetryDelay = TimeSpan.FromMilliseconds(100) };
        var outbox = new SqliteOutbox($"Data Source={Path.Combine(_directory, "state.db")}", TimeProvider.System);
        var observer = new IndexingObserver(outbox, new InMemoryReportVersions(), TimeProvider.System);
        using var dispatcher = IndexingFixtures.Dispatcher(outbox, options);
        await dispatcher.StartAsync(default);

        for (var n = 0; n < 10; n++) await observer.OnStoredAsync(IndexingFixtures.Version(n.ToString("x64")), default);
        await Task.Delay(300); // several failed rounds against the closed port
        Assert.Equal(10, (await outbox.CountAsync(IndexMessage.Topic, default))[OutboxStatus.Pending]);

        await using var server = await Elasticsearch9Server.StartAsync(port: port.Port);
        for (var waited = 0; waited < 100 && (await outbox.CountAsync(IndexMessage.Topic, default))[OutboxStatus.Delivered] < 10; waited++) await Task.Delay(100);
        await dispatcher.StopAsync(default);

        Assert.Equal(10, (await outbox.CountAsync(IndexMessage.Topic, default))[OutboxStatus.Delivered]);
        Assert.Equal(10, server.Cluster.BulkItems.Count);
        Assert.Equal(10, server.Cluster.Documents.Count);
        Assert.Equal(3, server.Cluster.Requests.Count(r => r.Path == "/_bulk")); // 4 + 4 + 2
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
