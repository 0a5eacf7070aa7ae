using Crawler.Reports.Publication;
using Crawler.Reports.Model;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Storage;

public sealed partial class SqliteReportStore
{
    private const string VersionFilter = """
        ($agency IS NULL OR instr(r.agency, $agency) > 0) AND ($year IS NULL OR r.year = $year) AND ($latest = 0 OR v.is_latest = 1)
        """;

    public async Task<IReadOnlyList<ReportVersionRecord>> ListVersionsAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        (string, object?)[] parameters =
        [
            ("$agency", string.IsNullOrWhiteSpace(filter.Agency) ? null : filter.Agency.Trim()), ("$year", filter.Year), ("$latest", filter.LatestOnly ? 1 : 0),
        ];
        await using var command = Command(connection, null, $"""
            SELECT v.id, r.id, r.agency, r.region, r.year, v.version, v.is_latest, v.source_id, v.document_url, v.page_url, v.sha256,
                   v.media_type, d.size, v.fetched_at, v.template, v.parsed_json, v.published_at, v.published_at_source, v.publication_dates
            FROM report_versions v
            JOIN reports r ON r.id = v.report_id
            LEFT JOIN documents d ON d.sha256 = v.sha256
            WHERE {VersionFilter}
            ORDER BY r.agency, r.year, v.version
            """, parameters);
        var records = new List<ReportVersionRecord>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) records.Add(Read(reader));
        }
        var findings = await FindingsAsync(connection, parameters, cancellationToken).ConfigureAwait(false);
        return records.Select(r => r with { Findings = findings.TryGetValue(r.VersionId, out var list) ? list : [] }).ToList();
    }

    private static ReportVersionRecord Read(SqliteDataReader reader) => new()
    {
        VersionId = reader.GetInt64(0),
        ReportId = reader.GetInt64(1),
        Agency = reader.GetString(2),
        Region = NullableString(reader, 3),
        Year = reader.GetInt32(4),
        Version = reader.GetInt32(5),
        IsLatest = reader.GetInt64(6) == 1,
        SourceId = reader.GetString(7),
        DocumentUrl = new Uri(reader.GetString(8)),
        PageUrl = reader.IsDBNull(9) ? null : new Uri(reader.GetString(9)),
        Sha256 = reader.GetString(10),
        MediaType = reader.GetString(11),
        Size = reader.IsDBNull(12) ? null : reader.GetInt64(12),
        FetchedAt = StateDatabase.ParseStamp(reader.GetString(13)),
        Template = reader.GetString(14),
        ParsedJson = reader.GetString(15),
        Findings = [],
        PublishedAt = StoredPublication.Chosen(NullableString(reader, 16), NullableString(reader, 17), NullableString(reader, 18)),
        PublicationDates = PublicationJson.Deserialize(NullableString(reader, 18)),
    };

    private static async Task<Dictionary<long, List<Finding>>> FindingsAsync(SqliteConnection connection, (string, object?)[] parameters,
        CancellationToken cancellationToken)
    {
        var findings = new Dictionary<long, List<Finding>>();
        await using var command = Command(connection, null, $"""
            SELECT f.version_id, f.code, f.severity, f.location, f.message FROM findings f
            JOIN report_versions v ON v.id = f.version_id
            JOIN reports r ON r.id = v.report_id
            WHERE {VersionFilter}
            ORDER BY f.version_id, f.ordinal
            """, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetInt64(0);
            if (!findings.TryGetValue(id, out var list)) findings[id] = list = [];
            list.Add(new Finding(reader.GetString(1), Enum.Parse<FindingSeverity>(reader.GetString(2), ignoreCase: true), reader.GetString(3),
                reader.GetString(4)));
        }
        return findings;
    }
}
