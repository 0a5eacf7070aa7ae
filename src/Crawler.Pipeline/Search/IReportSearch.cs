namespace Crawler.Pipeline.Search;

/// <summary>Full-text search over stored report versions (the embedded default: SQLite FTS5).</summary>
public interface IReportSearch
{
    /// <summary>Indexes (or re-indexes) a version's text; idempotent.</summary>
    Task IndexAsync(long versionId, string text, CancellationToken cancellationToken);

    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken);
}
