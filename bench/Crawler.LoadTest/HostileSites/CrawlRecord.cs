using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Crawler.LoadTest.HostileSites;

/// <summary>One source's run as the crawler recorded it (crawl_runs): what <c>crawler status</c> shows, with every problem and limit line.</summary>
public sealed record SourceRun(string SourceId, string? Outcome, int Documents, int NewReports, int NewVersions, int Failures, TimeSpan Elapsed, IReadOnlyList<string> Problems);

/// <summary>How a fetched document ended (processing): Done with a report version, Done as no report, or Failed (quarantined) with its reason.</summary>
public sealed record DocumentEnd(string SourceId, string Url, string Status, string? Detail, bool StoredAsReport)
{
    public string Describe() => (Status, StoredAsReport) switch
    {
        ("Done", true) => "stored: " + Detail,
        ("Done", false) => "not a report: " + Detail,
        _ => "quarantined: " + Detail,
    };
}

/// <summary>What a finished <c>crawl --once</c> left in its data folder's state.db, read back read-only after the crawler exited.</summary>
public sealed record CrawlRecord(IReadOnlyList<SourceRun> Runs, IReadOnlyList<DocumentEnd> Documents, int ReportVersions)
{
    public static readonly CrawlRecord Empty = new([], [], 0);

    public SourceRun? Run(string sourceId) => Runs.FirstOrDefault(r => r.SourceId == sourceId);

    public DocumentEnd? Document(Uri url) => Documents.FirstOrDefault(d => d.Url == url.AbsoluteUri);

    public static CrawlRecord Read(string dataDirectory)
    {
        var database = Path.Combine(dataDirectory, "state.db");
        if (!File.Exists(database)) return Empty;
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var runs = Rows(connection, "SELECT source_id, outcome, documents, new_reports, new_versions, failures, started_at, finished_at, problems FROM crawl_runs ORDER BY id",
            r => new SourceRun(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5),
                Time(r.GetString(7)) - Time(r.GetString(6)), r.IsDBNull(8) ? [] : r.GetString(8).Split('\n')));
        var documents = Rows(connection, "SELECT source_id, url, status, detail, version_id FROM processing",
            r => new DocumentEnd(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), !r.IsDBNull(4)));
        var versions = Rows(connection, "SELECT count(*) FROM report_versions", r => r.GetInt32(0))[0];
        return new CrawlRecord(runs, documents, versions);
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static List<T> Rows<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }
}
