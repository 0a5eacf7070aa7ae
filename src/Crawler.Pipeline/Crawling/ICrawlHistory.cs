namespace Crawler.Pipeline.Crawling;

/// <summary>
/// Each source's crawl state for the status page (last checked, last changed, last problem), read from the runs
/// ICrawlRunLog records (crawl_runs) and, for sources crawled before it existed, from fetches and stored versions.
/// </summary>
public interface ICrawlHistory
{
    /// <summary>Each source's latest pass, latest pass that changed something, and latest problem.</summary>
    Task<IReadOnlyList<SourceCrawlState>> StatesAsync(CancellationToken cancellationToken);
}
