using System.Globalization;
using Crawler.Reports.Json;
using Crawler.Reports.Model;
using Crawler.Reports.Publication;
using Microsoft.Data.Sqlite;
using Crawler.Pipeline.Faults;

namespace Crawler.Pipeline.Storage;

public sealed partial class SqliteReportStore
{
    public async Task<StoredVersion> StoreVersionAsync(ReportVersionDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // BEGIN IMMEDIATE: two workers storing the same report serialize here instead of both taking version n+1.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = StateDatabase.Stamp(_time.GetUtcNow());
        var reportId = await ScalarAsync<long?>(connection, transaction, "SELECT id FROM reports WHERE agency = $agency AND year = $year",
            cancellationToken, ("$agency", draft.Agency), ("$year", draft.Year)).ConfigureAwait(false);
        VersionChange change;
        if (reportId is null)
        {
            reportId = await ScalarAsync<long?>(connection, transaction, """
                INSERT INTO reports (agency, year, source_id, region, first_seen_at) VALUES ($agency, $year, $source, $region, $now) RETURNING id
                """, cancellationToken, ("$agency", draft.Agency), ("$year", draft.Year), ("$source", draft.SourceId), ("$region", draft.Region),
                ("$now", now)).ConfigureAwait(false);
            change = VersionChange.NewReport;
        }
        else
        {
            var existing = await ExistingVersionAsync(connection, transaction, reportId.Value, draft, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return existing with { ReportId = reportId.Value };
            }
            change = VersionChange.NewVersion;
        }
        var report = reportId ?? throw new InvalidOperationException("INSERT INTO reports … RETURNING id gave no id");
        var number = 1 + (await ScalarAsync<long?>(connection, transaction, "SELECT MAX(version) FROM report_versions WHERE report_id = $report",
            cancellationToken, ("$report", report)).ConfigureAwait(false) ?? 0);
        await ScalarAsync<long?>(connection, transaction, "UPDATE report_versions SET is_latest = 0 WHERE report_id = $report AND is_latest = 1",
            cancellationToken, ("$report", report)).ConfigureAwait(false);
        var findings = draft.Result.Findings;
        var versionId = await ScalarAsync<long?>(connection, transaction, """
            INSERT INTO report_versions (report_id, version, is_latest, sha256, content_fingerprint, source_id, document_url, page_url, media_type,
                                         fetched_at, stored_at, template, finding_codes, parsed_json, published_at, published_at_source, publication_dates)
            VALUES ($report, $version, 1, $sha, $content, $source, $document, $page, $media, $fetched, $now, $template, $codes, $json,
                    $published, $publishedSource, $publicationDates)
            RETURNING id
            """, cancellationToken,
            ("$report", report), ("$version", number), ("$sha", draft.Sha256), ("$content", draft.ContentFingerprint), ("$source", draft.SourceId),
            ("$document", draft.DocumentUrl.AbsoluteUri), ("$page", draft.PageUrl?.AbsoluteUri), ("$media", draft.MediaType),
            ("$fetched", StateDatabase.Stamp(draft.FetchedAt)), ("$now", now), ("$template", draft.Result.Report.Template.ToName()),
            ("$codes", string.Join(' ', findings.Select(f => f.Code).Distinct(StringComparer.Ordinal))),
            ("$json", ReportJson.Serialize(draft.Result, indented: false)), ("$published", draft.Publication?.Chosen.Text),
            ("$publishedSource", draft.Publication is { } p ? DateSources.Name(p.Chosen.Source) : null),
            ("$publicationDates", draft.Publication is { } d ? PublicationJson.Serialize(d.Candidates) : null)).ConfigureAwait(false);
        for (var i = 0; i < findings.Count; i++)
        {
            await ScalarAsync<long?>(connection, transaction, """
                INSERT INTO findings (version_id, ordinal, code, severity, location, message) VALUES ($version, $ordinal, $code, $severity, $where, $message)
                """, cancellationToken, ("$version", versionId), ("$ordinal", i), ("$code", findings[i].Code),
                ("$severity", findings[i].Severity.ToString().ToLowerInvariant()), ("$where", findings[i].Where), ("$message", findings[i].Message))
                .ConfigureAwait(false);
        }
        CrashPoint.Reach(CrashPhase.Commit);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoredVersion(versionId ?? throw new InvalidOperationException("INSERT … RETURNING id gave no id"), report, (int)number, change);
    }

    private static async Task<StoredVersion?> ExistingVersionAsync(SqliteConnection connection, SqliteTransaction transaction, long reportId,
        ReportVersionDraft draft, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            SELECT id, version, sha256 = $sha FROM report_versions
            WHERE report_id = $report AND (sha256 = $sha OR content_fingerprint = $content)
            ORDER BY sha256 = $sha DESC, version DESC LIMIT 1
            """, ("$report", reportId), ("$sha", draft.Sha256), ("$content", draft.ContentFingerprint));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new StoredVersion(reader.GetInt64(0), reportId, reader.GetInt32(1), reader.GetInt64(2) == 1 ? VersionChange.SameBytes : VersionChange.SameContent);
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (value is null or DBNull) return default!;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }
}
