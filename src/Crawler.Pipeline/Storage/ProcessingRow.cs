using System.Data.Common;

namespace Crawler.Pipeline.Storage;

/// <summary>
/// A row of the <c>processing</c> table as both stores read it (<see cref="Columns"/>, in this order). The stores differ
/// only in how a time and a day are kept (SQLite: text stamps; PostgreSQL: timestamptz and date), which they pass in.
/// </summary>
internal static class ProcessingRow
{
    public const string Columns = """
        sha256, status, detail, attempts, source_id, url, page_url, role, link_text, year_hint, media_type, fetched_at,
        last_attempt_at, version_id, listed_on
        """;

    public static ProcessingState Read(DbDataReader reader, Func<int, DateTimeOffset> time, Func<int, DateOnly> day)
    {
        var context = new DocumentContext
        {
            SourceId = reader.GetString(4),
            Url = new Uri(reader.GetString(5)),
            PageUrl = reader.IsDBNull(6) ? null : new Uri(reader.GetString(6)),
            Role = reader.GetString(7),
            LinkText = Text(reader, 8),
            YearHint = reader.IsDBNull(9) ? null : reader.GetInt32(9),
            MediaType = Text(reader, 10),
            FetchedAt = time(11),
            ListedOn = reader.IsDBNull(14) ? null : day(14),
        };
        return new ProcessingState(reader.GetString(0), Enum.Parse<ProcessingStatus>(reader.GetString(1)), Text(reader, 2), reader.GetInt32(3), context)
        {
            LastAttemptAt = time(12),
            VersionId = reader.IsDBNull(13) ? null : reader.GetInt64(13),
        };
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
