using System.Text.Json.Nodes;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Publication;
using Crawler.Testing.Elasticsearch;

namespace Crawler.Pipeline.Tests.Indexing;

/// <summary>
/// publishedAt, its source and the report year's compliance facts go into the report document, through the outbox
/// and the official client, to a loopback Elasticsearch 9 that enforces the strict mapping of the template.
/// </summary>
public sealed class ComplianceIndexingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("compliance-index-").FullName;

    private static string Sha(int n) => n.ToString("x64");

    [Fact]
    public async Task A_report_published_on_6_February_is_indexed_as_late_by_6_days_with_its_date_and_source()
    {
        await using var server = await Elasticsearch9Server.StartAsync();
        var options = IndexingFixtures.Options(server.Url);
        Assert.True((await IndexingFixtures.Client(options).EnsureIndexAsync(default)).Succeeded);
        var outbox = new SqliteOutbox($"Data Source={Path.Combine(_directory, "state.db")}", TimeProvider.System);
        var observer = new IndexingObserver(outbox, new InMemoryReportVersions(), TimeProvider.System);
        var late = IndexingFixtures.Version(Sha(6)) with
        {
            // Fetched long after the deadline: the fetch time must not decide anything.
            FetchedAt = new DateTimeOffset(2024, 11, 3, 2, 0, 0, TimeSpan.Zero),
            PublishedAt = new PublicationDate(new DateOnly(2024, 2, 6), DateSource.PageText, "发布时间：2024-02-06"),
        };

        await observer.OnStoredAsync(late, default);
        var sent = await IndexingFixtures.Dispatcher(outbox, options).DrainAsync(IndexMessage.Topic, default);

        Assert.Equal(1, sent.Delivered);
        var item = Assert.Single(server.Cluster.BulkItems);
        Assert.Equal(("index", "reports"), (item.Action, item.Index));
        var body = JsonNode.Parse(item.Source)!.AsObject();
        Assert.Equal("2024-02-06", body["publishedAt"]!.GetValue<string>());
        Assert.Equal("pageText", body["publishedAtSource"]!.GetValue<string>());
        Assert.Equal("2023-01-01", body["reportYear"]!.GetValue<string>());
        Assert.Equal("山东省", body["province"]!.GetValue<string>());
        Assert.Equal("山东省聊城市", body["region"]!.GetValue<string>());
        Assert.Equal("""{"status":"late","daysLate":6,"deadline":"2024-01-31"}""", body["compliance"]!.ToJsonString());
        Assert.Equal(body.ToJsonString(), server.Cluster.Documents[ReportIndexDocument.IdOf(late)].ToJsonString());
    }

    [Fact]
    public void A_version_without_a_stated_date_is_dated_by_its_first_fetch_and_never_judged_late()
    {
        var fetched = IndexingFixtures.Version(Sha(7)) with { FetchedAt = new DateTimeOffset(2024, 11, 3, 2, 0, 0, TimeSpan.Zero) };

        var document = ReportIndexDocument.Build(fetched, isLatest: true, DateTimeOffset.UnixEpoch,
            ReportCompliance.Judge(fetched, [], new Crawler.Pipeline.Compliance.ComplianceDeadlines()));

        Assert.Equal("2024-11-03", document["publishedAt"]!.GetValue<string>()); // 10:00 Beijing time
        Assert.Equal("firstFetched", document["publishedAtSource"]!.GetValue<string>());
        Assert.Equal("""{"status":"unknownDate","deadline":"2024-01-31"}""", document["compliance"]!.ToJsonString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
