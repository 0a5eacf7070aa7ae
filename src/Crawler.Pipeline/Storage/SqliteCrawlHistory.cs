using Crawler.Pipeline.Crawling;

namespace Crawler.Pipeline.Storage;

/// <summary>
/// crawl_runs in the state database, as SqliteCrawlRunLog writes it. A source never crawled since the table existed still gets its last check
/// from its fetches and its last change from its stored versions.
/// </summary>
public sealed class SqliteCrawlHistory(StateDatabase database) : ICrawlHistory
{
    public async Task<IReadOnlyList<SourceCrawlState>> StatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            WITH runs AS (
                SELECT source_id, MAX(finished_at) AS checked,
                       MAX(CASE WHEN new_reports + new_versions > 0 THEN finished_at END) AS changed,
                       MAX(CASE WHEN problems IS NOT NULL THEN id END) AS problem_run
                FROM crawl_runs GROUP BY source_id),
            fetched AS (SELECT source_id, MAX(fetched_at) AS checked FROM fetches WHERE source_id IS NOT NULL GROUP BY source_id),
            stored AS (SELECT source_id, MAX(stored_at) AS changed FROM report_versions GROUP BY source_id),
            failed AS (SELECT source_id, COUNT(*) AS quarantined FROM processing WHERE status = 'Failed' GROUP BY source_id),
            sources AS (SELECT source_id FROM runs UNION SELECT source_id FROM fetched UNION SELECT source_id FROM stored)
            SELECT s.source_id, COALESCE(r.checked, f.checked), COALESCE(r.changed, st.changed), p.finished_at, p.problems, COALESCE(q.quarantined, 0)
            FROM sources s
            LEFT JOIN runs r ON r.source_id = s.source_id
            LEFT JOIN fetched f ON f.source_id = s.source_id
            LEFT JOIN stored st ON st.source_id = s.source_id
            LEFT JOIN failed q ON q.source_id = s.source_id
            LEFT JOIN crawl_runs p ON p.id = r.problem_run
            ORDER BY s.source_id
            """;
        var states = new List<SourceCrawlState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            DateTimeOffset? Stamp(int i) => reader.IsDBNull(i) ? null : StateDatabase.ParseStamp(reader.GetString(i));
            // SqliteCrawlRunLog keeps a run's problems one per line.
            var problems = reader.IsDBNull(4) ? null : reader.GetString(4).Split('\n');
            states.Add(new SourceCrawlState(reader.GetString(0))
            {
                LastChecked = Stamp(1),
                LastChanged = Stamp(2),
                LastProblemAt = Stamp(3),
                LastProblem = problems is null ? null : string.Join("；", problems.Take(3)) + (problems.Length > 3 ? $"（另 {problems.Length - 3} 项）" : ""),
                Quarantined = reader.GetInt32(5),
            });
        }
        return states;
    }
}
