using System.Text.Json;
using Crawler.Pipeline.Fetching;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Storage;

/// <summary>
/// The state store on the embedded default. Fetch history and validators (this file), processing state
/// (.Processing), report versions (.Versions) and listings (.Queries).
/// </summary>
public sealed partial class SqliteReportStore : IReportStore
{
    private readonly StateDatabase _database;
    private readonly TimeProvider _time;

    public SqliteReportStore(StateDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public async Task RecordFetchAsync(FetchRecord fetch, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var insert = Command(connection, transaction, """
            INSERT INTO fetches (source_id, url, final_url, status, response_headers, etag, last_modified, fetched_at, sha256, media_type, size, error)
            VALUES ($source, $url, $final, $status, $headers, $etag, $modified, $at, $sha, $media, $size, $error)
            """,
            ("$source", fetch.SourceId), ("$url", fetch.Url.AbsoluteUri), ("$final", fetch.FinalUrl.AbsoluteUri), ("$status", fetch.Status),
            ("$headers", JsonSerializer.Serialize(fetch.ResponseHeaders.Select(h => new[] { h.Key, h.Value }))),
            ("$etag", Header(fetch, "ETag")), ("$modified", Header(fetch, "Last-Modified")), ("$at", StateDatabase.Stamp(fetch.FetchedAt)),
            ("$sha", fetch.Sha256), ("$media", fetch.MediaType), ("$size", fetch.Size), ("$error", fetch.Error)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        if (fetch.Sha256 is not null && fetch.Status is >= 200 and < 300 && fetch.Size is not null)
        {
            await using var document = Command(connection, transaction, """
                INSERT OR IGNORE INTO documents (sha256, media_type, size, first_seen_at) VALUES ($sha, $media, $size, $at)
                """, ("$sha", fetch.Sha256), ("$media", fetch.MediaType), ("$size", fetch.Size), ("$at", StateDatabase.Stamp(fetch.FetchedAt)));
            await document.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The validators of the URL's latest successful fetch, for a conditional GET.</summary>
    public async Task<KnownFetch?> FindAsync(Uri url, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            SELECT etag, last_modified, sha256, fetched_at FROM fetches
            WHERE url = $url AND status BETWEEN 200 AND 299 AND sha256 IS NOT NULL
            ORDER BY id DESC LIMIT 1
            """, ("$url", url.AbsoluteUri));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new KnownFetch(NullableString(reader, 0), NullableString(reader, 1), reader.GetString(2), StateDatabase.ParseStamp(reader.GetString(3)));
    }

    public async Task<bool> HasReportAsync(string sourceId, int year, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            SELECT EXISTS (SELECT 1 FROM reports r JOIN report_versions v ON v.report_id = r.id
                           WHERE r.year = $year AND (r.source_id = $source OR v.source_id = $source))
            """, ("$source", sourceId), ("$year", year));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static string? Header(FetchRecord fetch, string name) =>
        fetch.ResponseHeaders.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).LastOrDefault();

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
