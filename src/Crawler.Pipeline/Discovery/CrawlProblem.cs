namespace Crawler.Pipeline.Discovery;

/// <summary>Something that went wrong for one URL of a source's crawl (the crawl went on with the rest).</summary>
public sealed record CrawlProblem(Uri Url, string Error);
