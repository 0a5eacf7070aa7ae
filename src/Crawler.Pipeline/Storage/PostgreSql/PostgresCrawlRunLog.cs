using Crawler.Pipeline.Crawling;
using Npgsql;
using static Crawler.Pipeline.Storage.PostgreSql.PostgresSql;

namespace Crawler.Pipeline.Storage.PostgreSql;

/// <summary>crawl_runs on PostgreSQL: one row per finished run, as <see cref="SqliteCrawlRunLog"/> keeps them.</summary>
public sealed class PostgresCrawlRunLog(PostgresDatabase database) : ICrawlRunLog
{
    public async Task RecordAsync(CrawlRunRecord run, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            INSERT INTO crawl_runs (source_id, agency, started_at, finished_at, outcome, documents, new_reports, new_versions, failures, problems)
            VALUES (@source, @agency, @started, @finished, @outcome, @documents, @new, @versions, @failures, @problems)
            """, ("source", run.SourceId), ("agency", run.Agency), ("started", run.StartedAt), ("finished", run.FinishedAt), ("outcome", run.Outcome),
            ("documents", run.Documents), ("new", run.NewReports), ("versions", run.NewVersions), ("failures", run.Failures),
            ("problems", run.Problems.Count == 0 ? null : string.Join('\n', run.Problems)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, (CrawlRunRecord Last, CrawlRunRecord? LastProblem)>> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var last = await ReadAsync(connection, "SELECT MAX(id) FROM crawl_runs GROUP BY source_id", cancellationToken).ConfigureAwait(false);
        var problems = await ReadAsync(connection, "SELECT MAX(id) FROM crawl_runs WHERE problems IS NOT NULL GROUP BY source_id", cancellationToken).ConfigureAwait(false);
        return last.ToDictionary(r => r.SourceId, r => (r, problems.FirstOrDefault(p => p.SourceId == r.SourceId)), StringComparer.Ordinal);
    }

    private static async Task<List<CrawlRunRecord>> ReadAsync(NpgsqlConnection connection, string ids, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, $"""
            SELECT source_id, started_at, finished_at, outcome, documents, new_reports, new_versions, failures, problems, agency
            FROM crawl_runs WHERE id IN ({ids}) ORDER BY source_id COLLATE "C"
            """);
        var records = new List<CrawlRunRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new CrawlRunRecord
            {
                SourceId = reader.GetString(0),
                StartedAt = Time(reader, 1),
                FinishedAt = Time(reader, 2),
                Outcome = NullableString(reader, 3),
                Documents = reader.GetInt32(4),
                NewReports = reader.GetInt32(5),
                NewVersions = reader.GetInt32(6),
                Failures = reader.GetInt32(7),
                Problems = reader.IsDBNull(8) ? [] : reader.GetString(8).Split('\n'),
                Agency = reader.IsDBNull(9) ? reader.GetString(0) : reader.GetString(9),
            });
        }
        return records;
    }
}

/// <summary>Each source's last check, last change, last problem and quarantine count, as <see cref="SqliteCrawlHistory"/> reads them.</summary>
public sealed class PostgresCrawlHistory(PostgresDatabase database) : ICrawlHistory
{
    public async Task<IReadOnlyList<SourceCrawlState>> StatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            WITH sources AS (
                SELECT source_id FROM crawl_runs UNION SELECT source_id FROM fetches WHERE source_id IS NOT NULL UNION SELECT source_id FROM report_versions),
            runs AS (
                SELECT source_id, MAX(finished_at) AS checked,
                       MAX(CASE WHEN new_reports + new_versions > 0 THEN finished_at END) AS changed,
                       MAX(CASE WHEN problems IS NOT NULL THEN id END) AS problem_run
                FROM crawl_runs GROUP BY source_id)
            SELECT s.source_id,
                   COALESCE(r.checked, (SELECT MAX(fetched_at) FROM fetches f WHERE f.source_id = s.source_id)),
                   COALESCE(r.changed, (SELECT MAX(stored_at) FROM report_versions v WHERE v.source_id = s.source_id)),
                   p.finished_at, p.problems,
                   (SELECT COUNT(*)::int FROM processing q WHERE q.source_id = s.source_id AND q.status = 'Failed')
            FROM sources s
            LEFT JOIN runs r ON r.source_id = s.source_id
            LEFT JOIN crawl_runs p ON p.id = r.problem_run
            ORDER BY s.source_id COLLATE "C"
            """);
        var states = new List<SourceCrawlState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var problems = reader.IsDBNull(4) ? null : reader.GetString(4).Split('\n');
            states.Add(new SourceCrawlState(reader.GetString(0))
            {
                LastChecked = NullableTime(reader, 1),
                LastChanged = NullableTime(reader, 2),
                LastProblemAt = NullableTime(reader, 3),
                LastProblem = problems is null ? null : string.Join("；", problems.Take(3)) + (problems.Length > 3 ? $"（另 {problems.Length - 3} 项）" : ""),
                Quarantined = reader.GetInt32(5),
            });
        }
        return states;
    }
}

/// <summary><see cref="IReportStatistics"/> on PostgreSQL: sums over the latest versions' parsed JSON, in the database.</summary>
public sealed class PostgresReportStatistics(PostgresDatabase database) : IReportStatistics
{
    public async Task<IReadOnlyList<YearTotals>> YearTotalsAsync(IReadOnlyList<string> figureKeys, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // SQLite's TOTAL(json_extract(…)) adds the numbers and skips the rest; json_typeof does the same here.
        var sums = string.Concat(figureKeys.Select((_, i) =>
            $", COALESCE(SUM(CASE WHEN json_typeof(v.parsed_json #> @p{i}) = 'number' THEN (v.parsed_json #>> @p{i})::numeric END), 0)"));
        await using var command = Command(connection, null, $"""
            SELECT r.year, COUNT(*)::int{sums}
            FROM report_versions v JOIN reports r ON r.id = v.report_id
            WHERE v.is_latest
            GROUP BY r.year ORDER BY r.year
            """, figureKeys.Select((key, i) => ($"p{i}", (object?)key.Split('.'))).ToArray());
        var years = new List<YearTotals>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
            for (var i = 0; i < figureKeys.Count; i++) values[figureKeys[i]] = reader.GetDecimal(i + 2);
            years.Add(new YearTotals(reader.GetInt32(0), reader.GetInt32(1), values));
        }
        return years;
    }
}
