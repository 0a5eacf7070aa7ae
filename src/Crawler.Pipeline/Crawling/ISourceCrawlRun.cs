using Crawler.Pipeline.Sources;

namespace Crawler.Pipeline.Crawling;

/// <summary>One pass over one source: discover → fetch → archive → extract → parse → validate → store → (index, notify).</summary>
public interface ISourceCrawlRun
{
    /// <param name="passEndsAt">When the crawl pass this run belongs to must end (Crawl:MaxPassDuration); null for none.</param>
    Task<SourceCrawlSummary> RunAsync(Source source, CancellationToken cancellationToken, DateTimeOffset? passEndsAt = null);
}
