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
        Assert.Equal(2L, Scalar(connection, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(10000L, Scalar(connection, "PRAGMA busy_timeout"));
        foreach (var table in new[] { "fetches", "documents", "reports", "report_versions", "findings", "processing", "report_texts", "report_search" })
        {
            Assert.Equal(1L, Scalar(connection, $"SELECT COUNT(*) FROM sqlite_master WHERE name = '{table}'"));
        }
        Assert.True(File.Exists(Path.Combine(_data.Root, "state.db")));
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
