using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Storage;

/// <summary>The outbox on the embedded default (a table in the SQLite state database).</summary>
public sealed class SqliteOutbox : IOutbox
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            topic TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'Pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            created_at TEXT NOT NULL,
            delivered_at TEXT,
            UNIQUE (topic, idempotency_key));
        CREATE INDEX IF NOT EXISTS outbox_due ON outbox (topic, status, next_attempt_at);
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public SqliteOutbox(string connectionString, TimeProvider time)
    {
        _connectionString = connectionString;
        _time = time;
    }

    public async Task<bool> EnqueueAsync(string topic, string idempotencyKey, string payload, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var now = Stamp(_time.GetUtcNow());
        var inserted = await ExecuteAsync(connection, cancellationToken, """
            INSERT OR IGNORE INTO outbox (topic, idempotency_key, payload, next_attempt_at, created_at)
            VALUES ($topic, $key, $payload, $now, $now)
            """, ("$topic", topic), ("$key", idempotencyKey), ("$payload", payload), ("$now", now)).ConfigureAwait(false);
        return inserted == 1;
    }

    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(string topic, int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, topic, idempotency_key, payload, attempts, last_error FROM outbox
            WHERE topic = $topic AND status = 'Pending' AND next_attempt_at <= $now
            ORDER BY id LIMIT $max
            """;
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$now", Stamp(_time.GetUtcNow()));
        command.Parameters.AddWithValue("$max", max);
        var messages = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            messages.Add(new OutboxMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return messages;
    }

    public async Task MarkDeliveredAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, cancellationToken,
            "UPDATE outbox SET status = 'Delivered', attempts = attempts + 1, delivered_at = $now WHERE id = $id",
            ("$id", id), ("$now", Stamp(_time.GetUtcNow()))).ConfigureAwait(false);
    }

    public async Task MarkFailedAsync(long id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, cancellationToken, """
            UPDATE outbox SET attempts = attempts + 1, last_error = $error,
                status = CASE WHEN $retry IS NULL THEN 'Dead' ELSE 'Pending' END,
                next_attempt_at = COALESCE($retry, next_attempt_at)
            WHERE id = $id
            """, ("$id", id), ("$error", error), ("$retry", retryAt is { } at ? Stamp(at) : DBNull.Value)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountAsync(string topic, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, COUNT(*) FROM outbox WHERE topic = $topic GROUP BY status";
        command.Parameters.AddWithValue("$topic", topic);
        var counts = Enum.GetValues<OutboxStatus>().ToDictionary(s => s, _ => 0);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[Enum.Parse<OutboxStatus>(reader.GetString(0))] = reader.GetInt32(1);
        }
        return counts;
    }

    public async Task<IReadOnlyDictionary<string, int>> PendingByTopicAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT topic, SUM(status = 'Pending') FROM outbox GROUP BY topic";
        var pending = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) pending[reader.GetString(0)] = reader.GetInt32(1);
        return pending;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, cancellationToken, "PRAGMA busy_timeout = 10000").ConfigureAwait(false);
            if (!_schemaReady) await CreateSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Sources are processed in parallel: every caller waits until the table exists (a flag set before the
    // CREATE finished let concurrent first enqueues fail with "no such table: outbox"), and a failed
    // attempt leaves the flag unset so the next call tries again.
    private async Task CreateSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady) return;
            await ExecuteAsync(connection, cancellationToken, "PRAGMA journal_mode = WAL;" + Schema).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, CancellationToken cancellationToken, string sql,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // ISO-8601 UTC with fixed width sorts as text, so next_attempt_at can be compared in SQL.
    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
