namespace Crawler.Pipeline.Indexing;

/// <summary>A search's answer: how many reports match, the first hits, and how the matches spread over the years.</summary>
public sealed record ReportHits(long Total, IReadOnlyList<ReportHit> Hits, IReadOnlyList<(long Year, long Count)> ByYear);

/// <summary>One indexed report version as search lists it.</summary>
public sealed record ReportHit(string Id, string Agency, int? Year, int? Version, string Title, string DocumentUrl, IReadOnlyList<string> FindingCodes);
