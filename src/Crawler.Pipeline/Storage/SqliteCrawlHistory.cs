using System.Text.Encodings.Web;
using System.Text.Json;
using Crawler.Pipeline.Crawling;

namespace Crawler.Pipeline.Storage;

/// <summary>
/// crawl_runs in the state database. A source never crawled since the table existed still gets its last check
/// from its fetches and its last change from its stored versions.
/// </summary>
public sealed class SqliteCrawlHistory(StateDatabase database) : ICrawlHistory
{
    private static readonly JsonSerializerOptions ProblemsJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task RecordAsync(SourceCrawlSummary summary, DateTimeOffset startedAt, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO crawl_runs (source_id, started_at, finished_at, documents, new_reports, new_versions, failures, problems)
            VALUES ($source, $started, $finished, $documents, $new, $versions, $failures, $problems)
            """;
        command.Parameters.AddWithValue("$source", summary.SourceId);
        command.Parameters.AddWithValue("$started", StateDatabase.Stamp(startedAt));
        command.Parameters.AddWithValue("$finished", StateDatabase.Stamp(finishedAt));
        command.Parameters.AddWithValue("$documents", summary.DocumentsFetched);
        command.Parameters.AddWithValue("$new", summary.NewReports);
        command.Parameters.AddWithValue("$versions", summary.NewVersions);
        command.Parameters.AddWithValue("$failures", summary.Failures);
        command.Parameters.AddWithValue("$problems", summary.Problems.Count == 0 ? DBNull.Value : JsonSerializer.Serialize(summary.Problems, ProblemsJson));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SourceCrawlState>> StatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
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
                   (SELECT COUNT(*) FROM processing q WHERE q.source_id = s.source_id AND q.status = 'Failed')
            FROM sources s
            LEFT JOIN runs r ON r.source_id = s.source_id
            LEFT JOIN crawl_runs p ON p.id = r.problem_run
            ORDER BY s.source_id
            """;
        var states = new List<SourceCrawlState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            DateTimeOffset? Stamp(int i) => reader.IsDBNull(i) ? null : StateDatabase.ParseStamp(reader.GetString(i));
            var problems = reader.IsDBNull(4) ? null : JsonSerializer.Deserialize<List<string>>(reader.GetString(4));
            states.Add(new SourceCrawlState(reader.GetString(0))
            {
                LastChecked = Stamp(1),
                LastChanged = Stamp(2),
                LastProblemAt = Stamp(3),
                LastProblem = problems is null ? null : string.Join("；", problems.Take(3)) + (problems.Count > 3 ? $"（另 {problems.Count - 3} 项）" : ""),
                Quarantined = reader.GetInt32(5),
            });
        }
        return states;
    }
}
