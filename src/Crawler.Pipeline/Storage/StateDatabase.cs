using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Storage;

/// <summary>
/// The embedded state database (<c>&lt;data&gt;/state.db</c>): WAL journal so the CLI can read while the
/// worker writes, a busy timeout instead of "database is locked", and schema migrations recorded in
/// <c>schema_version</c>. Only the SQLite implementations in this folder see it.
/// Read-only (<see cref="StorageOptions.ReadOnly"/>): never migrates or writes, so a read-only folder or mount can be read.
/// </summary>
public sealed class StateDatabase
{
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    public StateDatabase(DataLayout layout)
        : this(layout, readOnly: false)
    {
    }

    public StateDatabase(DataLayout layout, bool readOnly)
    {
        Layout = layout;
        ReadOnly = readOnly;
        ConnectionString = readOnly ? layout.ConnectionString + ";Mode=ReadOnly" : layout.ConnectionString;
    }

    public DataLayout Layout { get; }

    public bool ReadOnly { get; }

    public string ConnectionString { get; private set; }

    public static int SchemaVersion => SchemaMigrations.Steps.Count;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated) await (ReadOnly ? CheckReadableAsync(cancellationToken) : MigrateAsync(cancellationToken)).ConfigureAwait(false);
        return await ConnectAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Read-only: a WAL database in a folder nobody may write to can be read only when its -shm file exists or
    /// the file is opened as immutable (it cannot change under us: the folder is read-only for every writer too).
    /// </summary>
    private async Task CheckReadableAsync(CancellationToken cancellationToken)
    {
        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated) return;
            int version;
            try
            {
                version = await ReadVersionAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 8 or 14 && File.Exists(Layout.StateDatabase))
            {
                ConnectionString = $"Data Source={new Uri(Layout.StateDatabase).AbsoluteUri}?immutable=1;Mode=ReadOnly;Pooling=True";
                version = await ReadVersionAsync(cancellationToken).ConfigureAwait(false);
            }
            if (version < SchemaVersion)
            {
                throw new StorageUnavailableException(
                    $"{Layout.StateDatabase} 的结构版本为 {version}，本程序需要 {SchemaVersion}：请在可写的数据目录上运行一次 crawler crawl --once 以升级 " +
                    $"(the state database has schema {version}, this crawler reads {SchemaVersion}: run one crawl on a writable copy to upgrade it)");
            }
            _migrated = true;
        }
        finally
        {
            _migration.Release();
        }
    }

    private async Task<int> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Creates the file and applies missing schema steps; safe to call from several processes.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated) return;
            Directory.CreateDirectory(Layout.Root);
            await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
                cancellationToken).ConfigureAwait(false);
            for (var step = 1; step <= SchemaMigrations.Steps.Count; step++)
            {
                // BEGIN IMMEDIATE takes the write lock first, so two processes never apply the same step.
                await using var transaction = connection.BeginTransaction(deferred: false);
                await using var check = connection.CreateCommand();
                check.Transaction = transaction;
                check.CommandText = "SELECT COUNT(*) FROM schema_version WHERE version = $v";
                check.Parameters.AddWithValue("$v", step);
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
                {
                    await using var apply = connection.CreateCommand();
                    apply.Transaction = transaction;
                    apply.CommandText = SchemaMigrations.Steps[step - 1] +
                        "\nINSERT INTO schema_version (version, applied_at) VALUES ($v, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));";
                    apply.Parameters.AddWithValue("$v", step);
                    await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            _migrated = true;
        }
        finally
        {
            _migration.Release();
        }
    }

    /// <summary>The applied schema version (0 for a new file).</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        if (!_migrated) await (ReadOnly ? CheckReadableAsync(cancellationToken) : MigrateAsync(cancellationToken)).ConfigureAwait(false);
        return await ReadVersionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, ReadOnly ? "PRAGMA busy_timeout = 10000" : "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL",
            cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fixed-width ISO-8601 UTC: sorts as text, so times compare in SQL.</summary>
    internal static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseStamp(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
