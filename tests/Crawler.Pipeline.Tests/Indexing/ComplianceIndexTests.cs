using System.Text.Json.Nodes;
using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Storage;
using Crawler.Reports.Publication;
using Crawler.Testing.Elasticsearch;
using Crawler.Tests.Shared;

namespace Crawler.Pipeline.Tests.Indexing;

/// <summary>
/// The compliance index: one document per source and report year from the compliance list of a real SQLite store,
/// queued in the index outbox and sent through the official client to a loopback Elasticsearch 9 that enforces the
/// strict mapping of <see cref="ComplianceIndexTemplate"/>.
/// </summary>
public sealed class ComplianceIndexTests : IDisposable
{
    private static readonly string Committed = Path.Combine(RepositoryPaths.Root, "ops", "elasticsearch", "compliance-template.json");

    // 1 March 2024, Beijing: the 2023 reports were due on 31 January.
    private static readonly FixedTime March = new(new DateTimeOffset(2024, 3, 1, 2, 0, 0, TimeSpan.Zero));

    private static readonly Source OnTime = Supervised("liaocheng-commerce", "聊城市商务局", "山东省聊城市");
    private static readonly Source Late = Supervised("liaocheng-office", "聊城市人民政府办公室", "山东省聊城市");
    private static readonly Source Missing = Supervised("haidian-education", "北京市海淀区教育委员会", "北京市海淀区");

    private readonly TemporaryDataDirectory _data = new();

    private static Source Supervised(string id, string agency, string region) =>
        new() { Id = id, Agency = agency, Region = region, StartUrls = [$"http://127.0.0.1/{id}/"], Verified = true };

    [Fact]
    public void The_committed_template_is_the_default_rendering()
    {
        // Regenerate with: crawler es template --compliance > ops/elasticsearch/compliance-template.json
        Assert.Equal(ComplianceIndexTemplate.Render(new ElasticsearchOptions()), File.ReadAllText(Committed));
    }

    [Fact]
    public void The_mapping_is_strict_on_the_compliance_index_with_the_fields_kibana_groups_by()
    {
        var template = ComplianceIndexTemplate.Build(new ElasticsearchOptions { ComplianceIndexName = "gov-compliance" });

        Assert.Equal(["gov-compliance"], template["index_patterns"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("strict", template["template"]!["mappings"]!["dynamic"]!.GetValue<string>());
        var fields = ReportIndexTemplate.FieldTypes(template);
        Assert.Equal(("keyword", "keyword", "keyword", "integer"), (fields["status"], fields["province"], fields["sourceId"], fields["daysLate"]));
        Assert.Equal(("date", "date", "date", "boolean"), (fields["reportYear"], fields["publishedAt"], fields["deadline"], fields["deadlinePassed"]));
        Assert.Equal(("keyword", "integer", "keyword"), (fields["agency.keyword"], fields["findingCount"], fields["findingCodes"]));
    }

    [Fact]
    public async Task One_on_time_one_late_by_six_days_and_one_missing_agency_are_three_documents_and_a_second_pass_adds_nothing()
    {
        var store = _data.Store();
        await StoreAsync(store, OnTime, new DateOnly(2024, 1, 30), "a");
        await StoreAsync(store, Late, new DateOnly(2024, 2, 6), "b");
        await using var server = await Elasticsearch9Server.StartAsync();
        var options = IndexingFixtures.Options(server.Url);
        Assert.True((await IndexingFixtures.Client(options).EnsureIndexAsync(default)).Succeeded);
        var outbox = new SqliteOutbox($"Data Source={Path.Combine(_data.Root, "outbox.db")}", TimeProvider.System);
        var indexer = new ComplianceIndexer(store, outbox, March);
        var dispatcher = IndexingFixtures.Dispatcher(outbox, options);

        var queued = await indexer.QueuePassAsync([OnTime, Late, Missing], default);
        var sent = await dispatcher.DrainAsync(IndexMessage.Topic, default);

        Assert.Equal(3, queued);
        Assert.Equal((3, 0), (sent.Delivered, sent.Dead)); // the strict mapping took every field
        var items = server.Cluster.BulkItems.ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal(("index", "crawler-compliance"), (i.Action, i.Index)));
        var documents = items.ToDictionary(i => i.Id, i => JsonNode.Parse(i.Source)!.AsObject());
        Assert.Equal(["haidian-education:2023", "liaocheng-commerce:2023", "liaocheng-office:2023"], documents.Keys.Order());
        Assert.Equal(["late", "missing", "onTime"], documents.Values.Select(d => d["status"]!.GetValue<string>()).Order());

        var late = documents["liaocheng-office:2023"];
        Assert.Equal(6, late["daysLate"]!.GetValue<int>());
        Assert.Equal(("2024-02-06", "pageMetadata", "2024-01-31"), (late["publishedAt"]!.GetValue<string>(), late["publishedAtSource"]!.GetValue<string>(), late["deadline"]!.GetValue<string>()));
        Assert.Equal(("山东省", "山东省聊城市", "2023-01-01", "逾期发布（6 天）"),
            (late["province"]!.GetValue<string>(), late["region"]!.GetValue<string>(), late["reportYear"]!.GetValue<string>(), late["statusLabel"]!.GetValue<string>()));
        Assert.True(late["deadlinePassed"]!.GetValue<bool>());
        Assert.Equal(late["findingCount"]!.GetValue<int>(), (await store.ListVersionsAsync(new ReportFilter { Year = 2023 }, default)).Single(v => v.SourceId == Late.Id).Findings.Count);

        var missing = documents["haidian-education:2023"];
        Assert.Null(missing["publishedAt"]);
        Assert.Null(missing["publishedAtSource"]);
        Assert.Null(missing["daysLate"]);
        Assert.Equal(("北京市", "北京市海淀区教育委员会", 0, true),
            (missing["province"]!.GetValue<string>(), missing["agency"]!.GetValue<string>(), missing["findingCount"]!.GetValue<int>(), missing["deadlinePassed"]!.GetValue<bool>()));
        Assert.Null(documents["liaocheng-commerce:2023"]["daysLate"]);

        // A second pass over an unchanged store queues nothing; a reindex (run stamp) sends all three again under the same ids.
        Assert.Equal(0, await indexer.QueuePassAsync([OnTime, Late, Missing], default));
        Assert.Equal(0, (await dispatcher.DrainAsync(IndexMessage.Topic, default)).Delivered);
        Assert.Equal(3, await indexer.QueueAsync([OnTime, Late, Missing], [2023], "20240301T020000000", default));
        Assert.Equal(3, (await dispatcher.DrainAsync(IndexMessage.Topic, default)).Delivered);
        Assert.Equal(documents.Keys.Concat(documents.Keys).Order(), server.Cluster.BulkItems.Select(i => i.Id).Order());
        Assert.Equal(documents.Keys.Order(), server.Cluster.Documents.Keys.Order());
    }

    [Fact]
    public async Task A_pass_queues_the_years_it_stored_and_the_seasons_year_and_a_change_is_queued_again()
    {
        var store = _data.Store();
        var outbox = new SqliteOutbox($"Data Source={Path.Combine(_data.Root, "outbox.db")}", TimeProvider.System);
        var indexer = new ComplianceIndexer(store, outbox, March);
        await StoreAsync(store, OnTime, new DateOnly(2022, 1, 20), "c", year: 2021);
        var announced = IndexingFixtures.Version(new string('c', 64));
        await indexer.OnStoredAsync(announced with { Result = announced.Result with { Report = announced.Result.Report with { Year = 2021 } } }, default);

        Assert.Equal(4, await indexer.QueuePassAsync([OnTime, Missing], default)); // 2021 and 2023, two agencies each
        var keys = await KeysAsync();
        Assert.Equal(["haidian-education:2021", "haidian-education:2023", "liaocheng-commerce:2021", "liaocheng-commerce:2023"], keys.Select(k => k.Id).Order());

        // The next pass stores nothing for 2021: only the season's year is looked at, and the late report found for 2023 is its one change.
        await StoreAsync(store, OnTime, new DateOnly(2024, 2, 2), "d");
        Assert.Equal(1, await indexer.QueuePassAsync([OnTime, Missing], default));
        var changed = Assert.Single((await KeysAsync()).Skip(4));
        Assert.Equal("liaocheng-commerce:2023", changed.Id);
        Assert.Contains("\"status\":\"late\"", changed.Payload);
        Assert.Equal(2022, ComplianceIndexer.SeasonYear(new DateTimeOffset(2023, 12, 31, 16, 30, 0, TimeSpan.Zero).AddHours(-1)));
        Assert.Equal(2023, ComplianceIndexer.SeasonYear(new DateTimeOffset(2023, 12, 31, 16, 30, 0, TimeSpan.Zero))); // 00:30 on 1 January in Beijing

        async Task<List<(string Id, string Payload)>> KeysAsync() =>
            [.. (await outbox.DueAsync(IndexMessage.Topic, 100, default)).Select(m => (IndexMessage.Deserialize(m.Payload)!.Id, m.Payload))];
    }

    private static async Task StoreAsync(IReportStore store, Source source, DateOnly published, string content, int year = 2023)
    {
        var draft = GoldReports.Draft(GoldReports.Liaocheng, bytes: source.Id + content);
        var date = new PublicationDate(published, DateSource.PageMetadata, $"<meta name=\"PubDate\" content=\"{published:yyyy-MM-dd}\">");
        await store.StoreVersionAsync(draft with
        {
            Agency = source.Agency, SourceId = source.Id, Region = source.Region, Year = year,
            Result = draft.Result with { Report = draft.Result.Report with { Agency = source.Agency, Year = year } },
            // Found long after the deadline: only the report's own date decides.
            FetchedAt = new DateTimeOffset(2024, 2, 28, 1, 0, 0, TimeSpan.Zero),
            Publication = PublicationDecision.Decide([date]),
        }, default);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
