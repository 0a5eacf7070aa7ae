using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Storage;

/// <summary>The crawl runs in the state database's <c>crawl_runs</c> table (schema step 6).</summary>
public sealed class SqliteCrawlRunLog(StateDatabase database) : ICrawlRunLog
{
    public async Task<long> StartedAsync(string sourceId, string agency, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO crawl_runs (source_id, agency, started_at) VALUES ($source, $agency, $at) RETURNING id";
        command.Parameters.AddWithValue("$source", sourceId);
        command.Parameters.AddWithValue("$agency", agency);
        command.Parameters.AddWithValue("$at", StateDatabase.Stamp(at));
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task FinishedAsync(long runId, CrawlRunRecord finished, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE crawl_runs SET finished_at = $finished, outcome = $outcome, documents = $documents, new_reports = $new,
                new_versions = $versions, failures = $failures, problem = $problem
            WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$finished", finished.FinishedAt is { } at ? StateDatabase.Stamp(at) : DBNull.Value);
        command.Parameters.AddWithValue("$outcome", (object?)finished.Outcome ?? DBNull.Value);
        command.Parameters.AddWithValue("$documents", finished.Documents);
        command.Parameters.AddWithValue("$new", finished.NewReports);
        command.Parameters.AddWithValue("$versions", finished.NewVersions);
        command.Parameters.AddWithValue("$failures", finished.Failures);
        command.Parameters.AddWithValue("$problem", (object?)finished.Problem ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, (CrawlRunRecord Last, CrawlRunRecord? LastProblem)>> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var last = await ReadAsync(connection, "SELECT MAX(id) FROM crawl_runs GROUP BY source_id", cancellationToken).ConfigureAwait(false);
        var problems = await ReadAsync(connection, "SELECT MAX(id) FROM crawl_runs WHERE problem IS NOT NULL GROUP BY source_id", cancellationToken).ConfigureAwait(false);
        return last.ToDictionary(r => r.SourceId, r => (r, problems.FirstOrDefault(p => p.SourceId == r.SourceId)), StringComparer.Ordinal);
    }

    private static async Task<List<CrawlRunRecord>> ReadAsync(SqliteConnection connection, string ids, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT source_id, started_at, finished_at, outcome, documents, new_reports, new_versions, failures, problem, agency
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
                FinishedAt = reader.IsDBNull(2) ? null : StateDatabase.ParseStamp(reader.GetString(2)),
                Outcome = reader.IsDBNull(3) ? null : reader.GetString(3),
                Documents = reader.IsDBNull(4) ? 0 : reader.GetInt32(4),
                NewReports = reader.IsDBNull(5) ? 0 : reader.GetInt32(5),
                NewVersions = reader.IsDBNull(6) ? 0 : reader.GetInt32(6),
                Failures = reader.IsDBNull(7) ? 0 : reader.GetInt32(7),
                Problem = reader.IsDBNull(8) ? null : reader.GetString(8),
                Agency = reader.GetString(9),
            });
        }
        return records;
    }
}
