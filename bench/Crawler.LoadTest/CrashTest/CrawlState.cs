using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Crawler.LoadTest.CrashTest;

/// <summary>
/// What a crawl left in its data directory, in comparable form: the archive's content-addressed file names, the
/// stored versions as <c>crawler reports --format json</c> lists them, and every outbox row (topic, key, status,
/// payload), all without clock readings; plus the temporary files a kill left behind.
/// </summary>
public sealed record CrawlState(IReadOnlyList<string> Archive, IReadOnlyList<string> Reports, IReadOnlyList<string> Outbox, int LeftoverFiles)
{
    public static async Task<CrawlState> ReadAsync(WorkerProcess worker, string runDirectory, CancellationToken cancellationToken)
    {
        var data = Path.Combine(runDirectory, "data");
        var archive = Directory.GetFiles(Path.Combine(data, "archive"), "*", SearchOption.AllDirectories)
            .Select(Path.GetFileName).OfType<string>().Where(name => name.Length == 64).Order(StringComparer.Ordinal).ToList();
        var leftovers = Directory.GetFiles(Path.Combine(data, "archive"), "*.part", SearchOption.AllDirectories).Length
            + (Directory.Exists(Path.Combine(runDirectory, "fetch-tmp")) ? Directory.GetFiles(Path.Combine(runDirectory, "fetch-tmp")).Length : 0);
        var json = await worker.OutputOfAsync(runDirectory, cancellationToken, "reports", "--data", "data", "--format", "json").ConfigureAwait(false);
        var reports = JsonNode.Parse(json)!.AsArray().Select(r => TimelessJson.Normalize(r)!.ToJsonString()).Order(StringComparer.Ordinal).ToList();
        return new CrawlState(archive, reports, await OutboxAsync(Path.Combine(data, "state.db"), cancellationToken).ConfigureAwait(false), leftovers);
    }

    /// <summary>Report versions committed so far in a run directory (0 before the database exists): how far the crawl got.</summary>
    public static async Task<long> VersionsStoredAsync(string runDirectory, CancellationToken cancellationToken)
    {
        var database = Path.Combine(runDirectory, "data", "state.db");
        if (!File.Exists(database)) return 0;
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'report_versions'";
        if ((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L) == 0) return 0;
        command.CommandText = "SELECT COUNT(*) FROM report_versions";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
    }

    /// <summary>
    /// Every outbox row, except that compliance documents count by their final content: they are derived from the
    /// store after each pass (ComplianceIndexer), so a crawl resumed over several passes queues the agencies' states
    /// in between as well, and only the last one per document must equal the uninterrupted crawl's.
    /// </summary>
    private static async Task<IReadOnlyList<string>> OutboxAsync(string database, CancellationToken cancellationToken)
    {
        var rows = new List<string>();
        var compliance = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT topic, idempotency_key, status, payload FROM outbox ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (topic, key, status, payload) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), TimelessJson.Normalize(reader.GetString(3)));
            if (key.StartsWith("compliance:", StringComparison.Ordinal))
            {
                var document = key.Split('#', '@')[0];
                compliance[document] = $"{topic} {document} {status} {payload}";
            }
            else rows.Add($"{topic} {key} {status} {payload}");
        }
        rows.AddRange(compliance.Values);
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
