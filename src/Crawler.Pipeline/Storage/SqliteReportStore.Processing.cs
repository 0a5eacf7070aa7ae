namespace Crawler.Pipeline.Storage;

public sealed partial class SqliteReportStore
{
    public async Task<ProcessingState?> FindProcessingAsync(string sha256, CancellationToken cancellationToken)
    {
        var states = await ReadProcessingAsync("WHERE sha256 = $key", sha256, cancellationToken).ConfigureAwait(false);
        return states.Count == 0 ? null : states[0];
    }

    public Task<IReadOnlyList<ProcessingState>> QuarantinedAsync(CancellationToken cancellationToken) =>
        ReadProcessingAsync("WHERE status = $key ORDER BY last_attempt_at", nameof(ProcessingStatus.Failed), cancellationToken);

    public Task MarkDoneAsync(string sha256, DocumentContext context, string detail, long? versionId, CancellationToken cancellationToken) =>
        UpsertProcessingAsync(sha256, ProcessingStatus.Done, context, detail, versionId, cancellationToken);

    public Task MarkFailedAsync(string sha256, DocumentContext context, string error, CancellationToken cancellationToken) =>
        UpsertProcessingAsync(sha256, ProcessingStatus.Failed, context, error, null, cancellationToken);

    private async Task UpsertProcessingAsync(string sha256, ProcessingStatus status, DocumentContext context, string detail, long? versionId,
        CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            INSERT INTO processing (sha256, status, detail, attempts, source_id, url, page_url, role, link_text, year_hint, media_type,
                                    fetched_at, first_attempt_at, last_attempt_at, version_id, listed_on)
            VALUES ($sha, $status, $detail, 1, $source, $url, $page, $role, $link, $year, $media, $fetched, $now, $now, $version, $listed)
            ON CONFLICT (sha256) DO UPDATE SET
                status = excluded.status, detail = excluded.detail, attempts = attempts + 1,
                source_id = excluded.source_id, url = excluded.url, page_url = excluded.page_url, role = excluded.role,
                link_text = excluded.link_text, year_hint = excluded.year_hint, media_type = excluded.media_type,
                fetched_at = excluded.fetched_at, last_attempt_at = excluded.last_attempt_at, version_id = excluded.version_id,
                listed_on = excluded.listed_on
            """,
            ("$sha", sha256), ("$status", status.ToString()), ("$detail", detail), ("$source", context.SourceId), ("$url", context.Url.AbsoluteUri),
            ("$page", context.PageUrl?.AbsoluteUri), ("$role", context.Role), ("$link", context.LinkText), ("$year", context.YearHint),
            ("$media", context.MediaType), ("$fetched", StateDatabase.Stamp(context.FetchedAt)), ("$now", StateDatabase.Stamp(_time.GetUtcNow())),
            ("$version", versionId), ("$listed", context.ListedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ProcessingState>> ReadProcessingAsync(string where, string key, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"""
            SELECT {ProcessingRow.Columns}
            FROM processing {where}
            """, ("$key", key));
        var states = new List<ProcessingState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        Func<int, DateTimeOffset> time = i => StateDatabase.ParseStamp(reader.GetString(i));
        Func<int, DateOnly> day = i => DateOnly.ParseExact(reader.GetString(i), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            states.Add(ProcessingRow.Read(reader, time, day));
        }
        return states;
    }
}
