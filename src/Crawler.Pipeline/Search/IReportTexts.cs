namespace Crawler.Pipeline.Search;

/// <summary>The full text kept for each indexed version (for the external index's re-index and for snippets).</summary>
public interface IReportTexts
{
    /// <summary>The version's indexed text, or "" when it was never indexed.</summary>
    Task<string> TextAsync(long versionId, CancellationToken cancellationToken);
}
