using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage;
using Crawler.Testing.Elasticsearch;
using Crawler.Reports.Json;
using Crawler.Tests.Shared;
using Crawler.Worker.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Tests.Cli;

/// <summary><c>crawler reindex --data DIR</c> over a real state store, into a real local HTTP server.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ReindexCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("reindex-data-").FullName;

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Two versions of 聊城市商务局 2023 and one of another report, stored the way processing stores them.</summary>
    private async Task StoreAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Storage:DataDirectory", _data)]).Build();
        await using var services = new ServiceCollection().AddStorage(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<IReportStore>();
        var search = services.GetRequiredService<IReportSearch>();
        foreach (var (gold, text) in new[] { ("000_79386d8b7b396ab1", "第一版 本年新收申请 3 件"), ("000_79386d8b7b396ab1", "第二版 更正后 本年新收申请 3 件"), ("001_9c70bb7b05579109", "庐山市") })
        {
            var result = ReportJson.Deserialize(File.ReadAllText(Path.Combine(RepositoryPaths.Gold, gold + ".json")));
            var stored = await store.StoreVersionAsync(new ReportVersionDraft
            {
                Agency = result.Report.Agency!, Year = result.Report.Year!.Value, SourceId = "src-" + gold[..3], Region = "山东省聊城市",
                Sha256 = Sha(text), ContentFingerprint = Sha(text), DocumentUrl = new Uri($"http://127.0.0.1/{gold}.pdf"), MediaType = "application/pdf",
                FetchedAt = new DateTimeOffset(2024, 1, 25, 3, 0, 0, TimeSpan.Zero), Result = result,
            }, default);
            await search.IndexAsync(stored.VersionId, text, default);
        }
    }

    [Fact]
    public async Task Reindex_sends_every_stored_version_with_its_text_figures_and_latest_flag()
    {
        await StoreAsync();
        await using var server = await Elasticsearch9Server.StartAsync();
        using var environment = new EnvironmentScope(new() { ["Elasticsearch__Url"] = server.Url.AbsoluteUri });

        var exit = await CrawlerCommandLine.Build().Parse(["reindex", "--data", _data]).InvokeAsync();

        Assert.Equal(0, exit);
        var all = server.Cluster.Documents;
        // The compliance index gets one document per source and year ({sourceId}:{year}), the reports index one per version.
        var compliance = all.Where(d => d.Key.Contains(':', StringComparison.Ordinal)).ToDictionary(d => d.Key, d => d.Value);
        var documents = all.Where(d => !compliance.ContainsKey(d.Key)).ToDictionary(d => d.Key, d => d.Value);
        Assert.Equal(3, documents.Count);
        Assert.Equal(["src-000:2023", "src-001:2023"], compliance.Keys.Order());
        // No stated date: the first fetch (25 January) shows the report online before the deadline.
        Assert.Equal(("onTime", "firstFetched", 2), (compliance["src-000:2023"]["status"]!.GetValue<string>(),
            compliance["src-000:2023"]["publishedAtSource"]!.GetValue<string>(), compliance["src-000:2023"]["versions"]!.GetValue<int>()));
        Assert.Equal(2, server.Cluster.BulkItems.Count(i => i.Index == "crawler-compliance"));
        var first = documents[ReportDocumentId.For("聊城市商务局", 2023, Sha("第一版 本年新收申请 3 件"))];
        var second = documents[ReportDocumentId.For("聊城市商务局", 2023, Sha("第二版 更正后 本年新收申请 3 件"))];
        Assert.False(first["isLatest"]!.GetValue<bool>());
        Assert.True(second["isLatest"]!.GetValue<bool>());
        Assert.Equal(2, second["version"]!.GetValue<int>());
        Assert.Equal("第二版 更正后 本年新收申请 3 件", second["text"]!.GetValue<string>());
        Assert.Equal(3, second["applications"]!["newReceived"]!["total"]!.GetValue<long>());
        Assert.Equal("山东省聊城市", second["region"]!.GetValue<string>());
        Assert.Equal(["GET /", "PUT /_index_template/reports", "HEAD /reports-v1", "PUT /reports-v1"], server.Cluster.Requests.Take(4).Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task Reindex_without_a_state_database_says_where_it_looked()
    {
        using var environment = new EnvironmentScope(new() { ["Elasticsearch__Url"] = "http://127.0.0.1:9" });

        Assert.Equal(2, await CrawlerCommandLine.Build().Parse(["reindex", "--data", Path.Combine(_data, "nothing-here")]).InvokeAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
