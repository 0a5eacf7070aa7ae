using Crawler.Pipeline.Sources;

namespace Crawler.Pipeline.Crawling;

/// <summary>One pass over one source: discover → fetch → archive → extract → parse → validate → store → (index, notify).</summary>
public interface ISourceCrawlRun
{
    Task<SourceCrawlSummary> RunAsync(Source source, CancellationToken cancellationToken);
}
