using System.Data.Common;

namespace Crawler.Pipeline.Search;

/// <summary>
/// One row of a search statement, as both stores select it: version id, agency, region, year, version, title,
/// document URL, page URL, finding codes, text (0–9), then the store's own rank (10), the total (11) and whether the
/// walk was capped (12). Only the rank and the capped flag are read by each store in its own way.
/// </summary>
internal static class SearchHitRow
{
    public const int Rank = 10, Total = 11, Capped = 12;

    public static SearchHit Read(DbDataReader reader, double score, IReadOnlyList<string> terms) => new()
    {
        VersionId = reader.GetInt64(0),
        Agency = reader.GetString(1),
        Region = reader.IsDBNull(2) ? null : reader.GetString(2),
        Year = reader.GetInt32(3),
        Version = reader.GetInt32(4),
        Title = reader.IsDBNull(5) ? null : reader.GetString(5),
        DocumentUrl = new Uri(reader.GetString(6)),
        PageUrl = reader.IsDBNull(7) ? null : new Uri(reader.GetString(7)),
        FindingCodes = reader.GetString(8).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Score = score,
        Snippet = SearchSnippet.Build(reader.GetString(9), terms),
    };
}
