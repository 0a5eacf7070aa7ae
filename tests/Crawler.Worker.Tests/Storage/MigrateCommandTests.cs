using Crawler.Tests.Shared;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Storage.Providers;
using Crawler.Reports.Json;
using Crawler.Reports.Model;
using Crawler.Reports.Validation;
using Crawler.Worker.Tests.EndToEnd;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Crawler.Worker.Tests.Storage;

/// <summary>
/// <c>crawler migrate</c> on real stores: the bundled sample site crawled into SQLite, copied into a new database on the
/// throw-away PostgreSQL cluster, then read back through the commands (figures, compliance, search) and crawled again by
/// a PostgreSQL worker.
/// </summary>
[Collection(SampleSiteCollection.Name)]
public sealed partial class MigrateCommandTests : IAsyncLifetime
{
    /// <summary>The tables both stores hold, as the migration copies them.</summary>
    private static readonly string[] Tables =
        ["documents", "fetches", "reports", "report_versions", "findings", "processing", "crawl_runs", "outbox", "report_texts"];

    private readonly string _directory = Directory.CreateTempSubdirectory("crawl-migrate-").FullName;
    private string? _database;

    private string ConnectionString => PostgresTestCluster.ConnectionString(_database!);

    /// <summary>A webhook nobody answers (a closed loopback port): the crawl's alerts stay queued.</summary>
    private readonly Dictionary<string, string?> _alerting = new() { ["Alerts__Webhook__Url"] = $"http://127.0.0.1:{LoopbackPorts.Free()}/hook" };

    private Dictionary<string, string?> OnPostgres => new()
    {
        ["Storage__Provider"] = "PostgreSql",
        ["Storage__ConnectionString"] = ConnectionString,
    };

    public async Task InitializeAsync()
    {
        if (PostgresTestCluster.Admin is not null) _database = await PostgresTestCluster.CreateDatabaseAsync();
    }

    [PostgresFact]
    public async Task A_migrated_store_reads_the_same_on_PostgreSQL_a_second_run_copies_nothing_and_a_PostgreSQL_crawl_adds_no_version()
    {
        // An unreachable webhook: its alerts stay queued in the outbox, which the migration copies too.
        var crawl = await CrawlerProcess.RunAsync(_directory, _alerting, "crawl", "--once", "--sample", "--data", "data");
        Assert.True(crawl.ExitCode == 0, crawl.ToString());
        var sqlite = await SqliteCountsAsync();
        Assert.Equal(5, sqlite["report_versions"]);
        Assert.Equal(5, sqlite["report_texts"]);
        Assert.True(sqlite["fetches"] > 5, $"{sqlite["fetches"]} fetches");
        Assert.True(sqlite["findings"] > 0 && sqlite["outbox"] > 0, $"{sqlite["findings"]} findings, {sqlite["outbox"]} outbox rows");

        var first = await CrawlerProcess.RunAsync(_directory, "migrate", "--from", "data", "--to", ConnectionString);
        Assert.True(first.ExitCode == 0, first.ToString());
        var copied = CountLines(first.Output);
        foreach (var table in Tables) Assert.Equal((sqlite[table], 0L), copied[table]);
        Assert.Contains("report_search: 5 rebuilt from report_texts", first.Output);
        var postgres = await PostgresCountsAsync();
        foreach (var table in Tables) Assert.Equal(sqlite[table], postgres[table]);
        Assert.Equal(5, postgres["report_search"]);
        Assert.Equal(await SqliteFindingsAsync(), await PostgresFindingsAsync());

        // Read through the commands, on a folder without a state.db: the same versions, figures, findings and compliance list.
        var pgOnly = Directory.CreateDirectory(Path.Combine(_directory, "pg-only")).Name;
        foreach (var read in new[] { new[] { "reports", "--format", "json" }, ["compliance", "--year", "2023", "--format", "json"] })
        {
            var onSqlite = await ReadAsync([], [.. read, "--data", "data"]);
            var onPostgres = await ReadAsync(OnPostgres, [.. read, "--data", pgOnly]);
            var rows = JsonNode.Parse(onPostgres)!.AsArray();
            Assert.Equal(5, rows.Count);
            Assert.Equal(5, rows.Count(r => r!["report"] is JsonObject || r["figuresAddUp"] is not null));
            Assert.Equal(Microseconds(onSqlite), Microseconds(onPostgres));
        }
        Assert.Equal(sqlite["findings"], JsonNode.Parse(await ReadAsync(OnPostgres, "reports", "--format", "json", "--data", pgOnly))!.AsArray()
            .Sum(r => r!["findings"]!.AsArray().Count));

        // Search: the rebuilt rows answer a two- and a four-character query with the same reports as FTS5 did.
        foreach (var query in new[] { "商务", "行政复议" })
        {
            var onSqlite = await CrawlerProcess.RunAsync(_directory, "search", query, "--data", "data", "--limit", "20");
            var onPostgres = await CrawlerProcess.RunAsync(_directory, OnPostgres, "search", query, "--data", pgOnly, "--limit", "20");
            Assert.True(onPostgres.ExitCode == 0, onPostgres.ToString());
            var hits = Hits(onSqlite.Output);
            Assert.True(hits.Count >= (query == "商务" ? 4 : 1), onSqlite.Output);
            Assert.Equal(hits, Hits(onPostgres.Output));
            Assert.Equal(Total(onSqlite.Output), Total(onPostgres.Output));
        }

        var second = await CrawlerProcess.RunAsync(_directory, "migrate", "--from", "data", "--to", ConnectionString);
        Assert.True(second.ExitCode == 0, second.ToString());
        var again = CountLines(second.Output);
        foreach (var table in Tables) Assert.Equal((0L, sqlite[table]), again[table]);
        Assert.Contains("report_search: 0 rebuilt from report_texts", second.Output);
        Assert.Equal(postgres, await PostgresCountsAsync());

        // A PostgreSQL worker on the same data folder: the copied ledger and versions hold, new rows take new ids.
        var maxVersionId = await PostgresScalarAsync("SELECT MAX(id) FROM report_versions");
        var pgCrawl = await CrawlerProcess.RunAsync(_directory, new Dictionary<string, string?>(OnPostgres.Concat(_alerting)), "crawl", "--once", "--sample", "--data", "data");
        Assert.True(pgCrawl.ExitCode == 0, pgCrawl.ToString());
        var after = await PostgresCountsAsync();
        Assert.Equal(5, after["report_versions"]);
        Assert.Equal(5, after["reports"]);
        Assert.Equal(postgres["findings"], after["findings"]);
        Assert.Equal(maxVersionId, await PostgresScalarAsync("SELECT MAX(id) FROM report_versions"));
        Assert.Equal(0, await PostgresScalarAsync("SELECT COUNT(*) FROM (SELECT 1 FROM report_versions GROUP BY report_id, content_fingerprint HAVING COUNT(*) > 1) d"));
        Assert.True(after["fetches"] > postgres["fetches"], "the PostgreSQL crawl recorded its fetches after the copied ones");
        Assert.Equal(await PostgresScalarAsync("SELECT MIN(id) FROM fetches WHERE id > @max", ("max", sqlite["fetches_max_id"])), sqlite["fetches_max_id"] + 1);
        Assert.Equal(postgres["crawl_runs"] + 5, after["crawl_runs"]);
        Assert.Equal(postgres["outbox"], after["outbox"]);
        Assert.DoesNotContain(": 1 new,", pgCrawl.Output);
    }

    [PostgresFact]
    public async Task A_run_after_the_SQLite_worker_stored_a_new_version_copies_only_that_version_and_it_becomes_the_latest()
    {
        await CrawlAndMigrateAsync();
        // The SQLite worker carries on: a revised report (other bytes, other content) becomes version 2 of 聊城市商务局 2023.
        var database = new StateDatabase(DataLayout.At(Path.Combine(_directory, "data")));
        var store = new SqliteReportStore(database, TimeProvider.System);
        var previous = Assert.Single(await store.ListVersionsAsync(new ReportFilter { Agency = "聊城市商务局", Year = 2023 }, default));
        var revised = ReportJson.Deserialize(previous.ParsedJson);
        revised = revised with { Findings = [.. revised.Findings, new Finding(FindingCodes.T3Balance, FindingSeverity.Error, "applications.columns.total", "修订版：总计不符")] };
        var stored = await store.StoreVersionAsync(new ReportVersionDraft
        {
            Agency = previous.Agency, Year = previous.Year, SourceId = previous.SourceId, Region = previous.Region, Sha256 = new string('d', 64),
            ContentFingerprint = new string('d', 64), DocumentUrl = new Uri(previous.DocumentUrl, "revised.html"), MediaType = previous.MediaType,
            FetchedAt = DateTimeOffset.UtcNow, Result = revised,
        }, default);
        Assert.Equal((2, VersionChange.NewVersion), (stored.Version, stored.Change));
        await new SqliteReportSearch(database).IndexAsync(stored.VersionId, "聊城市商务局 修订版 行政复议 总计不符", default);
        SqliteConnection.ClearAllPools();

        var second = await CrawlerProcess.RunAsync(_directory, "migrate", "--from", "data", "--to", ConnectionString);

        Assert.True(second.ExitCode == 0, second.ToString());
        var lines = CountLines(second.Output);
        Assert.Equal((1L, 5L), lines["report_versions"]);
        Assert.Equal((1L, 5L), lines["report_texts"]);
        Assert.Equal(((long)revised.Findings.Count, (await SqliteCountsAsync())["findings"] - revised.Findings.Count), lines["findings"]);
        Assert.Equal((0L, 5L), lines["reports"]);
        Assert.Contains("report_search: 1 rebuilt from report_texts", second.Output);
        Assert.Equal(0, await PostgresScalarAsync("SELECT COUNT(*) FROM (SELECT report_id FROM report_versions GROUP BY report_id HAVING COUNT(*) FILTER (WHERE is_latest) <> 1) r"));
        Assert.Equal(stored.VersionId, await PostgresScalarAsync("SELECT id FROM report_versions WHERE is_latest AND report_id = @r", ("r", stored.ReportId)));
        var pgOnly = Directory.CreateDirectory(Path.Combine(_directory, "pg-only")).Name;
        Assert.Equal(Microseconds(await ReadAsync([], "reports", "--format", "json", "--data", "data")),
            Microseconds(await ReadAsync(OnPostgres, "reports", "--format", "json", "--data", pgOnly)));
        var search = await CrawlerProcess.RunAsync(_directory, OnPostgres, "search", "总计不符", "--data", pgOnly);
        Assert.Contains("1. 聊城市商务局 2023年 第2版", search.Output);
        Assert.Contains("1 / 1 条结果", search.Output);
    }

    [PostgresFact]
    public async Task A_target_holding_another_stores_rows_under_the_same_ids_is_refused_and_left_as_it_was()
    {
        await CrawlAndMigrateAsync();
        var before = await PostgresCountsAsync();
        // Another store: the same report ids now name other agencies.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "data", "state.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE reports SET agency = agency || '（另一个库）' WHERE id = (SELECT MIN(id) FROM reports)";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var refused = await CrawlerProcess.RunAsync(_directory, "migrate", "--from", "data", "--to", ConnectionString);

        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("reports", refused.Error);
        Assert.Contains("another store", refused.Error);
        Assert.Equal("", refused.Output);
        Assert.Equal(before, await PostgresCountsAsync());
    }

    [Fact]
    public async Task A_missing_or_damaged_source_and_an_unreachable_or_malformed_target_end_with_a_clear_error()
    {
        var unreachable = $"Host=127.0.0.1;Port={LoopbackPorts.Free()};Username=crawler;Database=crawler;Timeout=3";
        var missing = await RunInProcessAsync("migrate", "--from", Path.Combine(_directory, "nothing-here"), "--to", unreachable);
        Assert.Equal(3, missing.Exit);
        Assert.Contains(Path.Combine(_directory, "nothing-here", "state.db"), missing.Error);
        Assert.Contains("no state database to migrate", missing.Error);

        var damaged = Directory.CreateDirectory(Path.Combine(_directory, "damaged")).FullName;
        await File.WriteAllTextAsync(Path.Combine(damaged, "state.db"), "这不是一个 SQLite 数据库 — not a database, just text long enough to be read as one.");
        var broken = await RunInProcessAsync("migrate", "--from", damaged, "--to", unreachable);
        Assert.Equal(3, broken.Exit);
        Assert.Contains(Path.Combine(damaged, "state.db"), broken.Error);
        Assert.Contains("damaged or not a database", broken.Error);

        var good = Directory.CreateDirectory(Path.Combine(_directory, "good")).FullName;
        await new StateDatabase(DataLayout.At(good)).MigrateAsync(default);
        SqliteConnection.ClearAllPools();
        var offline = await RunInProcessAsync("migrate", "--from", good, "--to", unreachable);
        Assert.Equal(3, offline.Exit);
        Assert.Contains("cannot reach the PostgreSQL state database 127.0.0.1:", offline.Error);
        Assert.Equal("", offline.Output);

        var malformed = await RunInProcessAsync("migrate", "--from", good, "--to", "this is not a connection string");
        Assert.Equal(2, malformed.Exit);
        Assert.Contains("not a valid Npgsql connection string", malformed.Error);
    }

    /// <summary>The sample site crawled into SQLite, then migrated once.</summary>
    private async Task CrawlAndMigrateAsync()
    {
        var crawl = await CrawlerProcess.RunAsync(_directory, "crawl", "--once", "--sample", "--data", "data");
        Assert.True(crawl.ExitCode == 0, crawl.ToString());
        var first = await CrawlerProcess.RunAsync(_directory, "migrate", "--from", "data", "--to", ConnectionString);
        Assert.True(first.ExitCode == 0, first.ToString());
    }

    private static async Task<(int Exit, string Output, string Error)> RunInProcessAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Crawler.Worker.Cli.CrawlerCommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>"documents: 12 copied, 0 already there" lines, by table.</summary>
    private static Dictionary<string, (long Copied, long AlreadyThere)> CountLines(string output) =>
        CountLine().Matches(output).ToDictionary(m => m.Groups["table"].Value, m => (long.Parse(m.Groups["copied"].Value), long.Parse(m.Groups["there"].Value)));

    [GeneratedRegex(@"^(?<table>\w+): (?<copied>\d+) copied, (?<there>\d+) already there\r?$", RegexOptions.Multiline)]
    private static partial Regex CountLine();

    /// <summary>The hits of a search, as "agency year version" (the two engines score differently, so their order may differ).</summary>
    private static List<string> Hits(string output) =>
        HitLine().Matches(output).Select(m => m.Groups["hit"].Value).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"^\d+\. (?<hit>.+?) \(score ", RegexOptions.Multiline)]
    private static partial Regex HitLine();

    private static string Total(string output) => output.Split('\n').Single(l => l.Contains("条结果", StringComparison.Ordinal));

    /// <summary>Times cut to microseconds: PostgreSQL keeps those, SQLite's stamps 100 ns ticks.</summary>
    private static string Microseconds(string json) => Time().Replace(json, m =>
    {
        var at = DateTimeOffset.Parse(m.Groups["time"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return "\"" + at.AddTicks(-(at.Ticks % 10)).ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "\"";
    });

    [GeneratedRegex(@"""(?<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d)""")]
    private static partial Regex Time();

    private async Task<string> ReadAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var run = await CrawlerProcess.RunAsync(_directory, environment, args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output;
    }

    private async Task<Dictionary<string, long>> SqliteCountsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "data", "state.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables.Append("fetches_max_id"))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE name = '{(table == "fetches_max_id" ? "fetches" : table)}'";
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                counts[table] = 0; // the outbox is created when something is first queued
                continue;
            }
            command.CommandText = table == "fetches_max_id" ? "SELECT MAX(id) FROM fetches" : $"SELECT COUNT(*) FROM {table}";
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }
        return counts;
    }

    private async Task<Dictionary<string, long>> PostgresCountsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables.Append("report_search")) counts[table] = await PostgresScalarAsync($"SELECT COUNT(*) FROM {table}");
        return counts;
    }

    private async Task<long> PostgresScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private async Task<List<string>> SqliteFindingsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "data", "state.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version_id, ordinal, code, severity, location, message FROM findings ORDER BY version_id, ordinal";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add($"{reader.GetInt64(0)} {reader.GetInt64(1)} {reader.GetString(2)} {reader.GetString(3)} {reader.GetString(4)} {reader.GetString(5)}");
        return rows;
    }

    private async Task<List<string>> PostgresFindingsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version_id, ordinal, code, severity, location, message FROM findings ORDER BY version_id, ordinal", connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add($"{reader.GetInt64(0)} {reader.GetInt32(1)} {reader.GetString(2)} {reader.GetString(3)} {reader.GetString(4)} {reader.GetString(5)}");
        return rows;
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_database is not null) await PostgresTestCluster.DropDatabaseAsync(_database);
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>A test that needs the PostgreSQL cluster: skipped with the reason when none is running.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresTestCluster.SkipReason;
}
