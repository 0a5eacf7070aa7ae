using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Testing.Elasticsearch;

namespace Crawler.Pipeline.Tests.Indexing;

public sealed class ReindexerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("reindex-").FullName;

    private static string Sha(int n) => n.ToString("x64");

    private (Reindexer Reindexer, SqliteOutbox Outbox) Build(Uri url, InMemoryReportVersions versions)
    {
        var options = IndexingFixtures.Options(url) with { BatchSize = 2 };
        var outbox = new SqliteOutbox($"Data Source={Path.Combine(_directory, "state.db")}", TimeProvider.System);
        return (new Reindexer(versions, outbox, IndexingFixtures.Client(options), IndexingFixtures.Dispatcher(outbox, options), TimeProvider.System), outbox);
    }

    private static InMemoryReportVersions ThreeVersionsOfTwoReports()
    {
        var other = IndexingFixtures.Liaocheng with { Id = "liaocheng-civil", Agency = "聊城市民政局" };
        var versions = new InMemoryReportVersions();
        versions.Versions.AddRange([
            IndexingFixtures.Version(Sha(1), version: 1, versionId: 1),
            IndexingFixtures.Version(Sha(2), version: 2, versionId: 2),
            IndexingFixtures.Version(Sha(3), version: 1, versionId: 3, source: other),
        ]);
        return versions;
    }

    [Fact]
    public async Task Reindexing_twice_sends_every_version_under_the_same_id_with_isLatest_recomputed()
    {
        await using var server = await Elasticsearch9Server.StartAsync();
        var versions = ThreeVersionsOfTwoReports();
        var (reindexer, outbox) = Build(server.Url, versions);

        var first = await reindexer.RunAsync(default);
        await Task.Delay(5); // a new run stamp
        var second = await reindexer.RunAsync(default);

        Assert.Equal(new ReindexSummary(3, 3, 3, 0, 0, null), first);
        Assert.Equal(new ReindexSummary(3, 3, 3, 0, 0, null), second);
        var ids = versions.Versions.Select(ReportIndexDocument.IdOf).ToList();
        var items = server.Cluster.BulkItems.ToList();
        Assert.Equal(6, items.Count);
        Assert.All(items, i => Assert.Equal("index", i.Action));
        Assert.Equal(ids.Concat(ids).Order(), items.Select(i => i.Id).Order());
        Assert.Equal(ids.Order(), server.Cluster.Documents.Keys.Order()); // explicit ids: the second run overwrote, never added
        Assert.Equal([false, true, true], ids.Select(id => server.Cluster.Documents[id]["isLatest"]!.GetValue<bool>()));
        Assert.Equal(6, (await outbox.CountAsync(IndexMessage.Topic, default))[OutboxStatus.Delivered]);
    }

    [Fact]
    public async Task With_the_cluster_down_reindex_queues_everything_and_says_so()
    {
        var (reindexer, outbox) = Build(IndexingFixtures.ClosedPort(), ThreeVersionsOfTwoReports());

        var summary = await reindexer.RunAsync(default);

        Assert.Equal((3, 3, 0, 3), (summary.Versions, summary.Queued, summary.Delivered, summary.StillPending));
        Assert.Contains("cannot reach", summary.Unreachable);
        Assert.Equal(3, (await outbox.CountAsync(IndexMessage.Topic, default))[OutboxStatus.Pending]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
