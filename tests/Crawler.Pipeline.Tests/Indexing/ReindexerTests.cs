using System.Collections.Concurrent;
using System.Text.Json;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Pipeline.Tests.Indexing;

public sealed class ReindexerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("reindex-").FullName;

    private static string Sha(int n) => n.ToString("x64");

    private (Reindexer Reindexer, SqliteOutbox Outbox) Build(Uri url, InMemoryReportVersions versions)
    {
        var options = IndexingFixtures.Options(url) with { RequestAttempts = 1, BatchSize = 2 };
        var outbox = new SqliteOutbox($"Data Source={Path.Combine(_directory, "state.db")}", TimeProvider.System);
        var client = IndexingFixtures.Client(options);
        var dispatcher = new IndexOutboxDispatcher(outbox, client, options, TimeProvider.System, NullLogger<IndexOutboxDispatcher>.Instance);
        return (new Reindexer(versions, outbox, client, dispatcher, TimeProvider.System), outbox);
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
        var indexed = new ConcurrentDictionary<string, List<bool>>();
        await using var server = await FakeElasticsearch.StartAsync(r =>
        {
            if (r.Path != "/_bulk") return (200, """{"acknowledged":true}""");
            var lines = r.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var items = new List<string>();
            for (var i = 0; i < lines.Length; i += 2)
            {
                var id = JsonDocument.Parse(lines[i]).RootElement.GetProperty("index").GetProperty("_id").GetString()!;
                var isLatest = JsonDocument.Parse(lines[i + 1]).RootElement.GetProperty("isLatest").GetBoolean();
                indexed.AddOrUpdate(id, _ => [isLatest], (_, list) => { lock (list) list.Add(isLatest); return list; });
                items.Add($$$"""{"index":{"_id":"{{{id}}}","status":200}}""");
            }
            return (200, $$"""{"errors":false,"items":[{{string.Join(',', items)}}]}""");
        });
        var versions = ThreeVersionsOfTwoReports();
        var (reindexer, outbox) = Build(server.Url, versions);

        var first = await reindexer.RunAsync(default);
        await Task.Delay(5); // a new run stamp
        var second = await reindexer.RunAsync(default);

        Assert.Equal(new ReindexSummary(3, 3, 3, 0, 0, null), first);
        Assert.Equal(new ReindexSummary(3, 3, 3, 0, 0, null), second);
        Assert.Equal(3, indexed.Count);
        Assert.Equal([false, false], indexed[ReportIndexDocument.IdOf(versions.Versions[0])]);
        Assert.Equal([true, true], indexed[ReportIndexDocument.IdOf(versions.Versions[1])]);
        Assert.Equal([true, true], indexed[ReportIndexDocument.IdOf(versions.Versions[2])]);
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
