using Crawler.Pipeline.Storage;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Tests.Storage;

public sealed class StateDatabaseTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();

    [Fact]
    public async Task A_new_file_gets_every_schema_step_once_in_wal_mode_and_reopening_applies_nothing_twice()
    {
        Assert.Equal(StateDatabase.SchemaVersion, await _data.Database.CurrentVersionAsync(default));
        var again = new StateDatabase(_data.Layout);
        await again.MigrateAsync(default);

        await using var connection = await again.OpenAsync(default);
        Assert.Equal((long)StateDatabase.SchemaVersion, Scalar(connection, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(1L, Scalar(connection, "SELECT COUNT(*) FROM pragma_table_info('report_versions') WHERE name = 'content_fingerprint'"));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(10000L, Scalar(connection, "PRAGMA busy_timeout"));
        foreach (var table in new[] { "fetches", "documents", "reports", "report_versions", "findings", "processing", "report_texts", "report_search" })
        {
            Assert.Equal(1L, Scalar(connection, $"SELECT COUNT(*) FROM sqlite_master WHERE name = '{table}'"));
        }
        Assert.True(File.Exists(Path.Combine(_data.Root, "state.db")));
    }

    [Fact]
    public async Task A_database_made_by_an_earlier_schema_is_brought_up_to_date_keeping_its_rows()
    {
        Directory.CreateDirectory(_data.Root);
        await using (var old = new SqliteConnection(_data.Layout.ConnectionString))
        {
            await old.OpenAsync();
            Scalar(old, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            Scalar(old, SchemaMigrations.Steps[0] + SchemaMigrations.Steps[1] + "INSERT INTO schema_version VALUES (1, 'x'), (2, 'x');");
            Scalar(old, "INSERT INTO reports (agency, year, source_id, first_seen_at) VALUES ('聊城市商务局', 2023, 's', 'x')");
            Scalar(old, "INSERT INTO report_search (rowid, terms) VALUES (7, '2021 年度 商务')");
        }

        await _data.Database.MigrateAsync(default);

        await using var connection = await _data.Database.OpenAsync(default);
        Assert.Equal((long)StateDatabase.SchemaVersion, Scalar(connection, "SELECT MAX(version) FROM schema_version"));
        Assert.Equal(1L, Scalar(connection, "SELECT COUNT(*) FROM pragma_table_info('report_versions') WHERE name = 'content_fingerprint'"));
        Assert.Equal(1L, Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'report_versions_search'"));
        Assert.Equal("聊城市商务局", Scalar(connection, "SELECT agency FROM reports"));
        // Step 5 rebuilt the search table with a prefix index and kept its rows.
        Assert.Contains("prefix = '1'", (string?)Scalar(connection, "SELECT sql FROM sqlite_master WHERE name = 'report_search'"));
        Assert.Equal(7L, Scalar(connection, "SELECT rowid FROM report_search WHERE report_search MATCH '\"2021 年\" *'"));
    }

    [Fact]
    public async Task The_outbox_lives_in_the_same_file_beside_the_state_tables()
    {
        await _data.Database.MigrateAsync(default);
        var outbox = new SqliteOutbox(_data.Layout.ConnectionString, TimeProvider.System);

        Assert.True(await outbox.EnqueueAsync("index", "version:1", "{}", default));

        await using var connection = await _data.Database.OpenAsync(default);
        Assert.Equal(1L, Scalar(connection, "SELECT COUNT(*) FROM outbox"));
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM reports"));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => _data.Dispose();
}
