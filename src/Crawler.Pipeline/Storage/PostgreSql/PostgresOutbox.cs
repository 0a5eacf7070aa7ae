using Npgsql;
using static Crawler.Pipeline.Storage.PostgreSql.PostgresSql;

namespace Crawler.Pipeline.Storage.PostgreSql;

/// <summary>
/// The outbox on the shared PostgreSQL database. <see cref="DueAsync"/> is a claim: the due rows are locked with
/// <c>FOR UPDATE SKIP LOCKED</c> and leased to this node (their next attempt moved <see cref="Lease"/> ahead) in one
/// statement, so two nodes asking at once get disjoint batches and each message is handed out once. A node that dies
/// holding a claim loses it when the lease runs out, and another node delivers the message then.
/// </summary>
public sealed class PostgresOutbox : IOutbox
{
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(5);

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;
    private readonly string _node;

    public PostgresOutbox(PostgresDatabase database, TimeProvider time, string node, TimeSpan? lease = null)
    {
        _database = database;
        _time = time;
        _node = node;
        Lease = lease ?? DefaultLease;
    }

    public TimeSpan Lease { get; }

    public async Task<bool> EnqueueAsync(string topic, string idempotencyKey, string payload, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            INSERT INTO outbox (topic, idempotency_key, payload, next_attempt_at, created_at) VALUES (@topic, @key, @payload, @now, @now)
            ON CONFLICT (topic, idempotency_key) DO NOTHING
            """, ("topic", topic), ("key", idempotencyKey), ("payload", payload), ("now", _time.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(string topic, int max, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        await using var command = Command(connection, null, """
            UPDATE outbox o SET next_attempt_at = @lease, claimed_by = @node
            WHERE o.id IN (SELECT id FROM outbox
                           WHERE topic = @topic AND status = 'Pending' AND next_attempt_at <= @now
                           ORDER BY id LIMIT @max
                           FOR UPDATE SKIP LOCKED)
            RETURNING o.id, o.topic, o.idempotency_key, o.payload, o.attempts, o.last_error
            """, ("topic", topic), ("now", now), ("lease", now + Lease), ("node", _node), ("max", max));
        var messages = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            messages.Add(new OutboxMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), NullableString(reader, 5)));
        }
        return messages.OrderBy(m => m.Id).ToList();
    }

    public async Task MarkDeliveredAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "UPDATE outbox SET status = 'Delivered', attempts = attempts + 1, delivered_at = @now WHERE id = @id",
            ("id", id), ("now", _time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkFailedAsync(long id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            UPDATE outbox SET attempts = attempts + 1, last_error = @error,
                status = CASE WHEN @retry::timestamptz IS NULL THEN 'Dead' ELSE 'Pending' END,
                next_attempt_at = COALESCE(@retry::timestamptz, next_attempt_at)
            WHERE id = @id
            """, ("id", id), ("error", error), ("retry", Time(retryAt)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountAsync(string topic, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT status, COUNT(*)::int FROM outbox WHERE topic = @topic GROUP BY status", ("topic", topic));
        var counts = Enum.GetValues<OutboxStatus>().ToDictionary(s => s, _ => 0);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) counts[Enum.Parse<OutboxStatus>(reader.GetString(0))] = reader.GetInt32(1);
        return counts;
    }

    public async Task<IReadOnlyDictionary<string, int>> PendingByTopicAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT topic, COUNT(*) FILTER (WHERE status = 'Pending')::int FROM outbox GROUP BY topic");
        var pending = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) pending[reader.GetString(0)] = reader.GetInt32(1);
        return pending;
    }
}
