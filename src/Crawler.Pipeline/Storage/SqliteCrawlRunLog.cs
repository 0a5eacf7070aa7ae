using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Storage;

/// <summary>The crawl runs in the state database's <c>crawl_runs</c> table (schema steps 6 and 7): one row per finished run.</summary>
public sealed class SqliteCrawlRunLog(StateDatabase database) : ICrawlRunLog
{
    public async Task RecordAsync(CrawlRunRecord run, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO crawl_runs (source_id, agency, started_at, finished_at, outcome, documents, new_reports, new_versions, failures, problems)
            VALUES ($source, $agency, $started, $finished, $outcome, $documents, $new, $versions, $failures, $problems)
            """;
        command.Parameters.AddWithValue("$source", run.SourceId);
        command.Parameters.AddWithValue("$agency", run.Agency);
        command.Parameters.AddWithValue("$started", StateDatabase.Stamp(run.StartedAt));
        command.Parameters.AddWithValue("$finished", StateDatabase.Stamp(run.FinishedAt));
        command.Parameters.AddWithValue("$outcome", (object?)run.Outcome ?? DBNull.Value);
        command.Parameters.AddWithValue("$documents", run.Documents);
        command.Parameters.AddWithValue("$new", run.NewReports);
        command.Parameters.AddWithValue("$versions", run.NewVersions);
        command.Parameters.AddWithValue("$failures", run.Failures);
        command.Parameters.AddWithValue("$problems", run.Problems.Count == 0 ? DBNull.Value : string.Join('\n', run.Problems));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, (CrawlRunRecord Last, CrawlRunRecord? LastProblem)>> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var last = await ReadAsync(connection, "SELECT MAX(id) FROM crawl_runs GROUP BY source_id", cancellationToken).ConfigureAwait(false);
        var problems = await ReadAsync(connection, "SELECT MAX(id) FROM crawl_runs WHERE problems IS NOT NULL GROUP BY source_id", cancellationToken).ConfigureAwait(false);
        return last.ToDictionary(r => r.SourceId, r => (r, problems.FirstOrDefault(p => p.SourceId == r.SourceId)), StringComparer.Ordinal);
    }

    private static async Task<List<CrawlRunRecord>> ReadAsync(SqliteConnection connection, string ids, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT source_id, started_at, finished_at, outcome, documents, new_reports, new_versions, failures, problems, agency
            FROM crawl_runs WHERE id IN ({ids}) ORDER BY source_id
            """;
        var records = new List<CrawlRunRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new CrawlRunRecord
            {
                SourceId = reader.GetString(0),
                StartedAt = StateDatabase.ParseStamp(reader.GetString(1)),
                FinishedAt = StateDatabase.ParseStamp(reader.GetString(2)),
                Outcome = reader.IsDBNull(3) ? null : reader.GetString(3),
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
