using System.Data.Common;
using Crawler.Pipeline.Storage.PostgreSql;
using Microsoft.Data.Sqlite;

namespace Crawler.Worker.Scheduling;

/// <summary>
/// What Quartz's own database (<c>scheduler.db</c>, or the clustered job store's qrtz_* tables on PostgreSQL) says
/// about each source's job: its agency (the job's description), the next fire time and the previous one. Read-only, so
/// a read-only data folder and a running worker are fine.
/// </summary>
public sealed record SchedulerState(string SourceId, string? Agency, DateTimeOffset? NextRun, DateTimeOffset? PreviousRun)
{
    public static IReadOnlyDictionary<string, SchedulerState> Read(string schedulerDatabase)
    {
        var states = new Dictionary<string, SchedulerState>(StringComparer.Ordinal);
        if (!File.Exists(schedulerDatabase)) return states;
        foreach (var connectionString in new[]
                 {
                     $"Data Source={schedulerDatabase};Mode=ReadOnly;Pooling=False",
                     // A WAL file in a folder no one may write to opens only as immutable.
                     $"Data Source={new Uri(schedulerDatabase).AbsoluteUri}?immutable=1;Mode=ReadOnly;Pooling=False",
                 })
        {
            try
            {
                using var connection = new SqliteConnection(connectionString);
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = Jobs;
                using var reader = command.ExecuteReader();
                ReadJobs(reader, states);
                return states;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 8 or 14)
            {
                states.Clear();
            }
        }
        return states;
    }

    /// <summary>The clustered job store's jobs (Scheduler__Clustered=true keeps them in the PostgreSQL state database).</summary>
    public static async Task<IReadOnlyDictionary<string, SchedulerState>> ReadAsync(PostgresDatabase database, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, SchedulerState>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_regclass('qrtz_triggers') IS NOT NULL";
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true) return states;
        command.CommandText = Jobs;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        ReadJobs(reader, states);
        return states;
    }

    // One statement for both stores: SQLite's names are case-insensitive, PostgreSQL folds them to lower case.
    private const string Jobs = """
        SELECT j.JOB_NAME, j.DESCRIPTION, MIN(NULLIF(t.NEXT_FIRE_TIME, -1)), MAX(t.PREV_FIRE_TIME)
        FROM QRTZ_JOB_DETAILS j LEFT JOIN QRTZ_TRIGGERS t
          ON t.SCHED_NAME = j.SCHED_NAME AND t.JOB_NAME = j.JOB_NAME AND t.JOB_GROUP = j.JOB_GROUP
        WHERE j.JOB_GROUP = 'crawl'
        GROUP BY j.JOB_NAME, j.DESCRIPTION
        """;

    private static void ReadJobs(DbDataReader reader, Dictionary<string, SchedulerState> states)
    {
        while (reader.Read())
        {
            var id = reader.GetString(0);
            states[id] = new SchedulerState(id, reader.IsDBNull(1) ? null : reader.GetString(1), Ticks(reader, 2), Ticks(reader, 3));
        }
    }

    // Quartz keeps fire times as UTC ticks; -1 or 0 mean none.
    private static DateTimeOffset? Ticks(DbDataReader reader, int column) =>
        reader.IsDBNull(column) || reader.GetInt64(column) <= 0 ? null : new DateTimeOffset(reader.GetInt64(column), TimeSpan.Zero);
}
