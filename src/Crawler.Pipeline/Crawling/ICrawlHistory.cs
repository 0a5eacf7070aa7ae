namespace Crawler.Pipeline.Crawling;

/// <summary>
/// One row per finished pass over a source, for the status page's crawl state (last checked, last changed, last
/// problem). The embedded default keeps it in the state database (crawl_runs); a shared store keeps it there.
/// </summary>
public interface ICrawlHistory
{
    Task RecordAsync(SourceCrawlSummary summary, DateTimeOffset startedAt, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>Each source's latest pass, latest pass that changed something, and latest problem.</summary>
    Task<IReadOnlyList<SourceCrawlState>> StatesAsync(CancellationToken cancellationToken);
}
