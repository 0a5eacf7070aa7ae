using System.Globalization;
using Crawler.Pipeline.Fetching;
using Npgsql;
using static Crawler.Pipeline.Storage.PostgreSql.PostgresSql;

namespace Crawler.Pipeline.Storage.PostgreSql;

/// <summary>
/// The per-host turn across every node on the shared database: a lease row per server in <c>host_pacing</c>. A node
/// takes the row's lock in a transaction it holds for its request (a node asking meanwhile waits on that lock), reads
/// when the row allows the next request, and on ending its turn moves the row the delay past the end, on the database's
/// clock (the nodes' own clocks need not agree), and commits. A node that dies ends its transaction with its connection;
/// one that hangs loses the lease after <see cref="MaxHold"/> idle (PostgreSQL ends its session).
/// </summary>
public sealed class PostgresHostPacing(PostgresDatabase database, TimeProvider time) : IHostPacing
{
    /// <summary>Longest a node may hold a server's turn without a word to the database (the request timeout is 3 min).</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromMinutes(10);

    // A new server's row is created due at once; an existing one is locked as it is (the no-op update takes the lock).
    private const string Take = """
        INSERT INTO host_pacing AS p (host_key, next_allowed_at) VALUES (@key, clock_timestamp())
        ON CONFLICT (host_key) DO UPDATE SET next_allowed_at = p.next_allowed_at
        RETURNING extract(epoch FROM p.next_allowed_at - clock_timestamp())::double precision
        """;

    // clock_timestamp(), not now(): now() is the transaction's start, before the wait for the lock and the request.
    private const string Release = """
        UPDATE host_pacing SET next_allowed_at = greatest(next_allowed_at, clock_timestamp()) + @delay WHERE host_key = @key
        """;

    public async ValueTask<IHostLease> AcquireAsync(string hostKey, TimeSpan delay, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var limit = Command(connection, transaction,
                             $"SET LOCAL idle_in_transaction_session_timeout = {(long)MaxHold.TotalMilliseconds}"))
            {
                await limit.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using var take = Command(connection, transaction, Take, ("key", hostKey));
            var wait = Convert.ToDouble(await take.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            // Measured from after the answer arrived: the send time on this clock is never early.
            var sendAt = wait > 0 ? time.GetUtcNow() + TimeSpan.FromSeconds(wait) : DateTimeOffset.MinValue;
            return new Lease(connection, transaction, hostKey, delay, sendAt);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class Lease(NpgsqlConnection connection, NpgsqlTransaction transaction, string hostKey, TimeSpan delay, DateTimeOffset sendAt)
        : IHostLease
    {
        public DateTimeOffset SendAt => sendAt;

        public void Dispose()
        {
            try
            {
                using var release = Command(connection, transaction, Release, ("key", hostKey), ("delay", delay));
                release.ExecuteNonQuery();
                transaction.Commit();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The database went away (or ended the session): the lock went with it, and the row keeps its last slot.
            }
            finally
            {
                connection.Dispose();
            }
        }
    }
}
