using System.Text.Json.Nodes;
using Crawler.Pipeline.Indexing;
using Crawler.Testing.Elasticsearch;
using Crawler.Worker.Cli;

namespace Crawler.Worker.Tests.Compliance;

/// <summary>
/// The compliance index end to end: <c>es setup</c>'s strict template on a loopback Elasticsearch 9, then a real crawl
/// pass over the February site with Elasticsearch configured. The pass writes one compliance document per agency and
/// report year — the missing agency included — through the index outbox and the official client's _bulk; a second
/// pass and <c>crawler reindex</c> keep the same ids.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class FebruaryComplianceIndexTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("february-index-").FullName;
    private FebruarySite _site = null!;
    private Elasticsearch9Server _server = null!;

    public async Task InitializeAsync()
    {
        _site = await FebruarySite.StartAsync();
        _server = await Elasticsearch9Server.StartAsync();
        var options = new ElasticsearchOptions { Url = _server.Url };
        Assert.True((await new ElasticsearchReportIndex(ElasticsearchClientFactory.Create(options), options).EnsureIndexAsync(default)).Succeeded);
    }

    private string Data => Path.Combine(_directory, "data");

    private Dictionary<string, string?> Elasticsearch => new() { ["Elasticsearch:Url"] = _server.Url.AbsoluteUri };

    private List<(string Id, JsonObject Source)> Compliance2023() =>
        [.. _server.Cluster.BulkItems.Where(i => i.Index == "crawler-compliance" && i.Id.EndsWith(":2023", StringComparison.Ordinal))
            .Select(i => (i.Id, JsonNode.Parse(i.Source)!.AsObject()))];

    [Fact]
    public async Task A_crawl_pass_indexes_the_on_time_the_late_and_the_missing_agency_and_a_second_pass_and_reindex_keep_the_same_ids()
    {
        var summary = await FebruaryCrawl.RunAsync(Data, _site.Sources(), Elasticsearch);

        var sent = Compliance2023();
        Assert.Equal(3, sent.Count);
        Assert.Equal(["feb-donge-commerce:2023", "feb-liaocheng-commerce:2023", "feb-lushan-commerce:2023"], sent.Select(d => d.Id).Order());
        var byAgency = sent.ToDictionary(d => d.Source["agency"]!.GetValue<string>(), d => d.Source);
        var late = byAgency[FebruarySite.LateAgency];
        Assert.Equal(("late", 6, "2024-02-06", "pageMetadata"),
            (late["status"]!.GetValue<string>(), late["daysLate"]!.GetValue<int>(), late["publishedAt"]!.GetValue<string>(), late["publishedAtSource"]!.GetValue<string>()));
        Assert.Equal(("2024-01-31", true, "山东省"), (late["deadline"]!.GetValue<string>(), late["deadlinePassed"]!.GetValue<bool>(), late["province"]!.GetValue<string>()));
        var onTime = byAgency[FebruarySite.OnTimeAgency];
        Assert.Equal(("onTime", "2024-01-30", "河南省"), (onTime["status"]!.GetValue<string>(), onTime["publishedAt"]!.GetValue<string>(), onTime["province"]!.GetValue<string>()));
        Assert.Null(onTime["daysLate"]);
        var missing = byAgency[FebruarySite.MissingAgency];
        Assert.Equal("missing", missing["status"]!.GetValue<string>());
        Assert.Null(missing["publishedAt"]);
        Assert.Null(missing["publishedAtSource"]);
        Assert.Equal((0, "山东省"), (missing["findingCount"]!.GetValue<int>(), missing["province"]!.GetValue<string>()));
        // The season's year too (today's report year): no report of it anywhere yet, so all three are missing.
        var season = ComplianceIndexer.SeasonYear(DateTimeOffset.UtcNow);
        var seasonDocuments = _server.Cluster.BulkItems.Where(i => i.Index == "crawler-compliance" && i.Id.EndsWith($":{season}", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, seasonDocuments.Count);
        Assert.All(seasonDocuments, d => Assert.Contains("\"status\":\"missing\"", d.Source));
        Assert.Equal(6, summary.ComplianceDocuments);
        Assert.Equal(summary.Index!.Delivered, _server.Cluster.BulkItems.Count); // reports and compliance, all accepted by the strict mappings

        // The same site again: nothing changed, nothing sent. Reindex: the same three ids, overwritten.
        var second = await FebruaryCrawl.RunAsync(Data, _site.Sources(), Elasticsearch);
        Assert.Equal(0, second.ComplianceDocuments);
        Assert.Equal(3, Compliance2023().Count);
        using (new EnvironmentScope(new() { ["Elasticsearch__Url"] = _server.Url.AbsoluteUri }))
        {
            Assert.Equal(0, await CrawlerCommandLine.Build().Parse(["reindex", "--data", Data]).InvokeAsync());
        }
        var reindexed = Compliance2023().Skip(3).ToList();
        // Reindex writes the stored reports' agencies (no verified config/sources.json here); the missing one keeps its document.
        Assert.Equal(["feb-liaocheng-commerce:2023", "feb-lushan-commerce:2023"], reindexed.Select(d => d.Id).Order());
        Assert.Equal(("late", 6), (reindexed.Single(d => d.Id == "feb-liaocheng-commerce:2023").Source["status"]!.GetValue<string>(),
            reindexed.Single(d => d.Id == "feb-liaocheng-commerce:2023").Source["daysLate"]!.GetValue<int>()));
        var stored = _server.Cluster.Documents.Keys.Where(k => k.EndsWith(":2023", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(sent.Select(d => d.Id).Order(), stored);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _site.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
