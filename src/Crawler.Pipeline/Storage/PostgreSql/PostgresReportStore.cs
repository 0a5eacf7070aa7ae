using System.Text.Encodings.Web;
using System.Text.Json;
using Crawler.Pipeline.Faults;
using Crawler.Pipeline.Fetching;
using Crawler.Reports.Json;
using Crawler.Reports.Model;
using Crawler.Reports.Publication;
using Npgsql;
using static Crawler.Pipeline.Storage.PostgreSql.PostgresSql;

namespace Crawler.Pipeline.Storage.PostgreSql;

/// <summary>
/// The state store on PostgreSQL, shared by several workers: the same behaviour as <see cref="SqliteReportStore"/>
/// (fetch ledger, documents, processing state and quarantine, reports and their versions with findings). Two nodes
/// storing the same report serialise on a transaction-scoped advisory lock of (agency, year), so they never both take
/// version n+1 nor both create the report.
/// </summary>
public sealed class PostgresReportStore : IReportStore
{
    private static readonly JsonSerializerOptions HeaderJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;

    public PostgresReportStore(PostgresDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public async Task RecordFetchAsync(FetchRecord fetch, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = Command(connection, transaction, """
            INSERT INTO fetches (source_id, url, final_url, status, response_headers, etag, last_modified, fetched_at, sha256, media_type, size, error)
            VALUES (@source, @url, @final, @status, @headers, @etag, @modified, @at, @sha, @media, @size, @error)
            """,
            ("source", fetch.SourceId), ("url", fetch.Url.AbsoluteUri), ("final", fetch.FinalUrl.AbsoluteUri), ("status", fetch.Status),
            ("headers", JsonSerializer.Serialize(fetch.ResponseHeaders.Select(h => new[] { h.Key, h.Value }), HeaderJson)),
            ("etag", Header(fetch, "ETag")), ("modified", Header(fetch, "Last-Modified")), ("at", fetch.FetchedAt),
            ("sha", fetch.Sha256), ("media", fetch.MediaType), ("size", Long(fetch.Size)), ("error", fetch.Error)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        if (fetch.Sha256 is not null && fetch.Status is >= 200 and < 300 && fetch.Size is not null)
        {
            await using var document = Command(connection, transaction, """
                INSERT INTO documents (sha256, media_type, size, first_seen_at) VALUES (@sha, @media, @size, @at) ON CONFLICT (sha256) DO NOTHING
                """, ("sha", fetch.Sha256), ("media", fetch.MediaType), ("size", Long(fetch.Size)), ("at", fetch.FetchedAt));
            await document.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<KnownFetch?> FindAsync(Uri url, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            SELECT etag, last_modified, sha256, fetched_at FROM fetches
            WHERE url = @url AND status BETWEEN 200 AND 299 AND sha256 IS NOT NULL
            ORDER BY id DESC LIMIT 1
            """, ("url", url.AbsoluteUri));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new KnownFetch(NullableString(reader, 0), NullableString(reader, 1), reader.GetString(2), Time(reader, 3));
    }

    public async Task<bool> HasReportAsync(string sourceId, int year, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            SELECT EXISTS (SELECT 1 FROM reports r JOIN report_versions v ON v.report_id = r.id
                           WHERE r.year = @year AND (r.source_id = @source OR v.source_id = @source))
            """, ("source", sourceId), ("year", year));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<ProcessingState?> FindProcessingAsync(string sha256, CancellationToken cancellationToken)
    {
        var states = await ReadProcessingAsync("WHERE sha256 = @key", sha256, cancellationToken).ConfigureAwait(false);
        return states.Count == 0 ? null : states[0];
    }

    public Task<IReadOnlyList<ProcessingState>> QuarantinedAsync(CancellationToken cancellationToken) =>
        ReadProcessingAsync("WHERE status = @key ORDER BY last_attempt_at", nameof(ProcessingStatus.Failed), cancellationToken);

    public Task MarkDoneAsync(string sha256, DocumentContext context, string detail, long? versionId, CancellationToken cancellationToken) =>
        UpsertProcessingAsync(sha256, ProcessingStatus.Done, context, detail, versionId, cancellationToken);

    public Task MarkFailedAsync(string sha256, DocumentContext context, string error, CancellationToken cancellationToken) =>
        UpsertProcessingAsync(sha256, ProcessingStatus.Failed, context, error, null, cancellationToken);

    private async Task UpsertProcessingAsync(string sha256, ProcessingStatus status, DocumentContext context, string detail, long? versionId,
        CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            INSERT INTO processing AS p (sha256, status, detail, attempts, source_id, url, page_url, role, link_text, year_hint, media_type,
                                         fetched_at, first_attempt_at, last_attempt_at, version_id, listed_on)
            VALUES (@sha, @status, @detail, 1, @source, @url, @page, @role, @link, @year, @media, @fetched, @now, @now, @version, @listed)
            ON CONFLICT (sha256) DO UPDATE SET
                status = excluded.status, detail = excluded.detail, attempts = p.attempts + 1,
                source_id = excluded.source_id, url = excluded.url, page_url = excluded.page_url, role = excluded.role,
                link_text = excluded.link_text, year_hint = excluded.year_hint, media_type = excluded.media_type,
                fetched_at = excluded.fetched_at, last_attempt_at = excluded.last_attempt_at, version_id = excluded.version_id,
                listed_on = excluded.listed_on
            """,
            ("sha", sha256), ("status", status.ToString()), ("detail", detail), ("source", context.SourceId), ("url", context.Url.AbsoluteUri),
            ("page", context.PageUrl?.AbsoluteUri), ("role", context.Role), ("link", context.LinkText), ("year", Int(context.YearHint)),
            ("media", context.MediaType), ("fetched", context.FetchedAt), ("now", _time.GetUtcNow()),
            ("version", Long(versionId)), ("listed", Date(context.ListedOn)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ProcessingState>> ReadProcessingAsync(string where, string key, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"""
            SELECT {ProcessingRow.Columns}
            FROM processing {where}
            """, ("key", key));
        var states = new List<ProcessingState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        Func<int, DateTimeOffset> time = i => Time(reader, i);
        Func<int, DateOnly> day = i => reader.GetFieldValue<DateOnly>(i);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            states.Add(ProcessingRow.Read(reader, time, day));
        }
        return states;
    }

    public async Task<StoredVersion> StoreVersionAsync(ReportVersionDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Every node storing this (agency, year) waits here until the one before it has committed.
        await ScalarAsync<object>(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", cancellationToken,
            ("key", $"report:{draft.Agency}:{draft.Year}")).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var reportId = await ScalarAsync<long?>(connection, transaction, "SELECT id FROM reports WHERE agency = @agency AND year = @year",
            cancellationToken, ("agency", draft.Agency), ("year", draft.Year)).ConfigureAwait(false);
        VersionChange change;
        if (reportId is null)
        {
            reportId = await ScalarAsync<long?>(connection, transaction, """
                INSERT INTO reports (agency, year, source_id, region, first_seen_at) VALUES (@agency, @year, @source, @region, @now) RETURNING id
                """, cancellationToken, ("agency", draft.Agency), ("year", draft.Year), ("source", draft.SourceId), ("region", draft.Region),
                ("now", now)).ConfigureAwait(false);
            change = VersionChange.NewReport;
        }
        else
        {
            var existing = await ExistingVersionAsync(connection, transaction, reportId.Value, draft, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return existing;
            }
            change = VersionChange.NewVersion;
        }
        var report = reportId ?? throw new InvalidOperationException("INSERT INTO reports … RETURNING id gave no id");
        var number = 1 + (await ScalarAsync<int?>(connection, transaction, "SELECT MAX(version) FROM report_versions WHERE report_id = @report",
            cancellationToken, ("report", report)).ConfigureAwait(false) ?? 0);
        await ScalarAsync<object>(connection, transaction, "UPDATE report_versions SET is_latest = false WHERE report_id = @report AND is_latest",
            cancellationToken, ("report", report)).ConfigureAwait(false);
        var findings = draft.Result.Findings;
        var versionId = await ScalarAsync<long?>(connection, transaction, """
            INSERT INTO report_versions (report_id, version, is_latest, sha256, content_fingerprint, source_id, document_url, page_url, media_type,
                                         fetched_at, stored_at, template, finding_codes, parsed_json, published_at, published_at_source, publication_dates)
            VALUES (@report, @version, true, @sha, @content, @source, @document, @page, @media, @fetched, @now, @template, @codes, @json,
                    @published, @publishedSource, @publicationDates)
            RETURNING id
            """, cancellationToken,
            ("report", report), ("version", number), ("sha", draft.Sha256), ("content", draft.ContentFingerprint), ("source", draft.SourceId),
            ("document", draft.DocumentUrl.AbsoluteUri), ("page", draft.PageUrl?.AbsoluteUri), ("media", draft.MediaType),
            ("fetched", draft.FetchedAt), ("now", now), ("template", draft.Result.Report.Template.ToName()),
            ("codes", string.Join(' ', findings.Select(f => f.Code).Distinct(StringComparer.Ordinal))),
            ("json", Json(ReportJson.Serialize(draft.Result, indented: false))), ("published", draft.Publication?.Chosen.Text),
            ("publishedSource", draft.Publication is { } p ? DateSources.Name(p.Chosen.Source) : null),
            ("publicationDates", draft.Publication is { } d ? PublicationJson.Serialize(d.Candidates) : null)).ConfigureAwait(false);
        for (var i = 0; i < findings.Count; i++)
        {
            await ScalarAsync<object>(connection, transaction, """
                INSERT INTO findings (version_id, ordinal, code, severity, location, message) VALUES (@version, @ordinal, @code, @severity, @where, @message)
                """, cancellationToken, ("version", versionId), ("ordinal", i), ("code", findings[i].Code),
                ("severity", findings[i].Severity.ToString().ToLowerInvariant()), ("where", findings[i].Where), ("message", findings[i].Message))
                .ConfigureAwait(false);
        }
        CrashPoint.Reach(CrashPhase.Commit);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoredVersion(versionId ?? throw new InvalidOperationException("INSERT … RETURNING id gave no id"), report, number, change);
    }

    private static async Task<StoredVersion?> ExistingVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long reportId,
        ReportVersionDraft draft, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            SELECT id, version, sha256 = @sha FROM report_versions
            WHERE report_id = @report AND (sha256 = @sha OR content_fingerprint = @content)
            ORDER BY sha256 = @sha DESC, version DESC LIMIT 1
            """, ("report", reportId), ("sha", draft.Sha256), ("content", draft.ContentFingerprint));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new StoredVersion(reader.GetInt64(0), reportId, reader.GetInt32(1), reader.GetBoolean(2) ? VersionChange.SameBytes : VersionChange.SameContent);
    }

    public async Task<IReadOnlyList<ReportVersionRecord>> ListVersionsAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var (where, parameters) = VersionFilter(filter);
        var records = new List<ReportVersionRecord>();
        await using (var command = Command(connection, null, $"""
            SELECT v.id, r.id, r.agency, r.region, r.year, v.version, v.is_latest, v.source_id, v.document_url, v.page_url, v.sha256,
                   v.media_type, d.size, v.fetched_at, v.template, v.parsed_json::text, v.published_at, v.published_at_source, v.publication_dates
            FROM report_versions v
            JOIN reports r ON r.id = v.report_id
            LEFT JOIN documents d ON d.sha256 = v.sha256
            WHERE {where}
            ORDER BY r.agency COLLATE "C", r.year, v.version
            """, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                records.Add(new ReportVersionRecord
                {
                    VersionId = reader.GetInt64(0),
                    ReportId = reader.GetInt64(1),
                    Agency = reader.GetString(2),
                    Region = NullableString(reader, 3),
                    Year = reader.GetInt32(4),
                    Version = reader.GetInt32(5),
                    IsLatest = reader.GetBoolean(6),
                    SourceId = reader.GetString(7),
                    DocumentUrl = new Uri(reader.GetString(8)),
                    PageUrl = reader.IsDBNull(9) ? null : new Uri(reader.GetString(9)),
                    Sha256 = reader.GetString(10),
                    MediaType = reader.GetString(11),
                    Size = reader.IsDBNull(12) ? null : reader.GetInt64(12),
                    FetchedAt = Time(reader, 13),
                    Template = reader.GetString(14),
                    ParsedJson = reader.GetString(15),
                    Findings = [],
                    PublishedAt = StoredPublication.Chosen(NullableString(reader, 16), NullableString(reader, 17), NullableString(reader, 18)),
                    PublicationDates = PublicationJson.Deserialize(NullableString(reader, 18)),
                });
            }
        }
        var findings = new Dictionary<long, List<Finding>>();
        await using (var command = Command(connection, null, $"""
            SELECT f.version_id, f.code, f.severity, f.location, f.message FROM findings f
            JOIN report_versions v ON v.id = f.version_id
            JOIN reports r ON r.id = v.report_id
            WHERE {where}
            ORDER BY f.version_id, f.ordinal
            """, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetInt64(0);
                if (!findings.TryGetValue(id, out var list)) findings[id] = list = [];
                list.Add(new Finding(reader.GetString(1), Enum.Parse<FindingSeverity>(reader.GetString(2), ignoreCase: true), reader.GetString(3),
                    reader.GetString(4)));
            }
        }
        return records.Select(r => r with { Findings = findings.TryGetValue(r.VersionId, out var list) ? list : [] }).ToList();
    }

    private static (string Where, (string, object?)[] Parameters) VersionFilter(ReportFilter filter)
    {
        var conditions = new List<string> { "true" };
        var parameters = new List<(string, object?)>();
        if (!string.IsNullOrWhiteSpace(filter.Agency))
        {
            conditions.Add("strpos(r.agency, @agency) > 0");
            parameters.Add(("agency", filter.Agency.Trim()));
        }
        if (filter.Year is { } year)
        {
            conditions.Add("r.year = @year");
            parameters.Add(("year", year));
        }
        if (filter.LatestOnly) conditions.Add("v.is_latest");
        return (string.Join(" AND ", conditions), parameters.ToArray());
    }

    private static string? Header(FetchRecord fetch, string name) =>
        fetch.ResponseHeaders.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).LastOrDefault();

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (value is null or DBNull) return default!;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return type == typeof(object) ? (T)value : (T)Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture);
    }
}
