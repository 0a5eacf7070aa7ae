using System.Globalization;
using Npgsql;

namespace Crawler.Pipeline.Storage.PostgreSql;

/// <summary>
/// The shared state database on PostgreSQL (<c>Storage__Provider=PostgreSql</c>): one Npgsql data source, and the
/// schema steps of <see cref="PostgresSchemaMigrations"/> recorded in <c>schema_version</c>, applied at the first
/// connection under a transaction-scoped advisory lock, so several workers starting at once apply each step once.
/// Only the PostgreSQL implementations in this folder see it.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    // Any constant both nodes agree on: the advisory lock that serialises migrations across the cluster.
    private const long MigrationLock = 0x63_72_61_77_6C_65_72; // "crawler"
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    public PostgresDatabase(string connectionString, bool readOnly = false)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageUnavailableException("Storage__Provider=PostgreSql 需要 Storage__ConnectionString（the PostgreSQL store needs a connection string）");
        }
        ConnectionString = connectionString;
        ReadOnly = readOnly;
        DataSource = NpgsqlDataSource.Create(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Describe = $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>host:port/database, for messages (never the password).</summary>
    public string Describe { get; }

    public string ConnectionString { get; }

    public bool ReadOnly { get; }

    public NpgsqlDataSource DataSource { get; }

    public static int SchemaVersion => PostgresSchemaMigrations.Steps.Count;

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated) await (ReadOnly ? CheckReadableAsync(cancellationToken) : MigrateAsync(cancellationToken)).ConfigureAwait(false);
        return await ConnectAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the missing schema steps, each in its own transaction; safe to call from several nodes at once.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated) return;
            await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            for (var step = 1; step <= PostgresSchemaMigrations.Steps.Count; step++)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction,
                    "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                    cancellationToken).ConfigureAwait(false);
                await using var check = new NpgsqlCommand("SELECT COUNT(*) FROM schema_version WHERE version = @v", connection, transaction);
                check.Parameters.AddWithValue("v", step);
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
                {
                    await ExecuteAsync(connection, transaction, PostgresSchemaMigrations.Steps[step - 1], cancellationToken).ConfigureAwait(false);
                    await using var record = new NpgsqlCommand("INSERT INTO schema_version (version) VALUES (@v)", connection, transaction);
                    record.Parameters.AddWithValue("v", step);
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>The applied schema version (0 for an empty database).</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        if (!_migrated) await (ReadOnly ? CheckReadableAsync(cancellationToken) : MigrateAsync(cancellationToken)).ConfigureAwait(false);
        return await ReadVersionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CheckReadableAsync(CancellationToken cancellationToken)
    {
        var version = await ReadVersionAsync(cancellationToken).ConfigureAwait(false);
        if (version < SchemaVersion)
        {
            throw new StorageUnavailableException(
                $"PostgreSQL 状态库的结构版本为 {version}，本程序需要 {SchemaVersion}：请先启动一个 worker 以升级 " +
                $"(the PostgreSQL state database has schema {version}, this crawler reads {SchemaVersion}: start one worker to upgrade it)");
        }
        _migrated = true;
    }

    private async Task<int> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN 0 ELSE (SELECT COALESCE(MAX(version), 0) FROM schema_version) END", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException && !cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException($"无法连接 PostgreSQL 状态库（cannot reach the PostgreSQL state database {Describe}）: {e.Message}", e);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
