using Crawler.Pipeline.Sources;

namespace Crawler.Pipeline.Crawling;

/// <summary>Level 2 of a crawl: the crawl of one source (<see cref="ReportPipeline"/>): discover → fetch → archive → extract → parse → validate → store → announce (index, notify).</summary>
public interface ISourceCrawlRun
{
    /// <param name="passEndsAt">When the crawl pass this run belongs to must end (Crawl:MaxPassDuration); null for none.</param>
    Task<SourceCrawlSummary> RunAsync(Source source, CancellationToken cancellationToken, DateTimeOffset? passEndsAt = null);
}
