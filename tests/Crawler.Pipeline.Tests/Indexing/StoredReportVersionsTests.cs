using System.Text.Json.Nodes;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Pipeline.Tests.Indexing;

/// <summary>The index's view of the real SQLite state store, and the superseded-version update it leads to.</summary>
public sealed class StoredReportVersionsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("stored-versions-").FullName;

    [Fact]
    public async Task A_second_version_queues_isLatest_false_for_the_first_under_the_id_reindex_would_use()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Storage:DataDirectory", _data)]).Build();
        await using var services = new ServiceCollection().AddStorage(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<IReportStore>();
        var versions = new StoredReportVersions(store, services.GetRequiredService<StateDatabase>());
        var outbox = services.GetRequiredService<IOutbox>();
        var first = await store.StoreVersionAsync(GoldReports.Draft(GoldReports.Liaocheng, bytes: "v1"), default);
        var second = await store.StoreVersionAsync(GoldReports.Draft(GoldReports.Liaocheng, bytes: "v2"), default);
        await services.GetRequiredService<IReportSearch>().IndexAsync(second.VersionId, "第二版全文", default);

        var all = new List<Crawler.Pipeline.Processing.StoredReportVersion>();
        await foreach (var v in versions.AllVersionsAsync(default)) all.Add(v);
        var ofReport = await versions.VersionsOfAsync("聊城市商务局", 2023, default);
        var latest = Assert.Single(all, v => v.VersionId == second.VersionId);
        await new IndexingObserver(outbox, versions, TimeProvider.System).OnStoredAsync(latest, default);

        Assert.Equal(2, all.Count);
        Assert.Equal([1, 2], ofReport.Select(v => v.Version).Order());
        Assert.Empty(await versions.VersionsOfAsync("聊城市", 2023, default)); // the store matches substrings; the index does not
        Assert.Equal("第二版全文", latest.Text);
        Assert.Equal("", all.Single(v => v.VersionId == first.VersionId).Text);
        var firstId = ReportDocumentId.For("聊城市商务局", 2023, GoldReports.Sha256("v1"));
        var queued = await outbox.DueAsync(IndexMessage.Topic, 10, default);
        Assert.Equal([ReportDocumentId.For("聊城市商务局", 2023, GoldReports.Sha256("v2")), $"{firstId}:superseded-by:{queued[0].IdempotencyKey}"],
            queued.Select(m => m.IdempotencyKey));
        var update = IndexMessage.Deserialize(queued[1].Payload)!;
        Assert.Equal((BulkAction.Update, firstId), (update.Action, update.Id));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["isLatest"] = false }, update.Body));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
