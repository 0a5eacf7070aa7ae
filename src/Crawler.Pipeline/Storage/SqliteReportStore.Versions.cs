using System.Globalization;
using Crawler.Reports.Json;
using Crawler.Reports.Model;
using Crawler.Reports.Publication;
using Crawler.Reports.Renditions;
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
            if (await RenditionAsync(connection, transaction, reportId.Value, draft, cancellationToken).ConfigureAwait(false) is { } rendition)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return rendition;
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

    /// <summary>
    /// One report as a page and the attachment it links: when the latest version comes from the draft's companion (the
    /// page that links the draft, or an attachment the draft links) and the figures differ, the draft makes no version.
    /// The latest stays (it is the preferred document: the one processed first, the page before its attachments) and
    /// gets one RENDITIONS_DISAGREE finding naming the draft's document and the cells; the same disagreement found
    /// again adds nothing.
    /// </summary>
    private static async Task<StoredVersion?> RenditionAsync(SqliteConnection connection, SqliteTransaction transaction, long reportId,
        ReportVersionDraft draft, CancellationToken cancellationToken)
    {
        long id;
        int number;
        string documentUrl, json, codes;
        await using (var command = Command(connection, transaction, """
            SELECT id, version, document_url, parsed_json, finding_codes FROM report_versions
            WHERE report_id = $report AND is_latest = 1 AND document_url <> $document AND (document_url = $page OR page_url = $document)
            """, ("$report", reportId), ("$document", draft.DocumentUrl.AbsoluteUri), ("$page", draft.PageUrl?.AbsoluteUri ?? "")))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            (id, number, documentUrl, json, codes) = (reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
        }
        var kept = ReportJson.Deserialize(json);
        var finding = RenditionComparison.Compare(kept.Report, documentUrl, draft.Result.Report, draft.DocumentUrl.AbsoluteUri);
        if (finding is null) return new StoredVersion(id, reportId, number, VersionChange.SameContent);
        var known = await ScalarAsync<long?>(connection, transaction,
            "SELECT COUNT(*) FROM findings WHERE version_id = $version AND code = $code AND location = $where AND message = $message",
            cancellationToken, ("$version", id), ("$code", finding.Code), ("$where", finding.Where), ("$message", finding.Message)).ConfigureAwait(false);
        if (known is null or 0)
        {
            var ordinal = 1 + (await ScalarAsync<long?>(connection, transaction, "SELECT MAX(ordinal) FROM findings WHERE version_id = $version",
                cancellationToken, ("$version", id)).ConfigureAwait(false) ?? -1);
            await ScalarAsync<long?>(connection, transaction, """
                INSERT INTO findings (version_id, ordinal, code, severity, location, message) VALUES ($version, $ordinal, $code, $severity, $where, $message)
                """, cancellationToken, ("$version", id), ("$ordinal", ordinal), ("$code", finding.Code),
                ("$severity", finding.Severity.ToString().ToLowerInvariant()), ("$where", finding.Where), ("$message", finding.Message)).ConfigureAwait(false);
            var updated = kept with { Findings = [.. kept.Findings, finding] };
            var allCodes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(finding.Code).Distinct(StringComparer.Ordinal);
            await ScalarAsync<long?>(connection, transaction, "UPDATE report_versions SET parsed_json = $json, finding_codes = $codes WHERE id = $version",
                cancellationToken, ("$version", id), ("$json", ReportJson.Serialize(updated, indented: false)), ("$codes", string.Join(' ', allCodes)))
                .ConfigureAwait(false);
        }
        return new StoredVersion(id, reportId, number, VersionChange.RenditionDiffers) { Detail = finding.Message };
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
