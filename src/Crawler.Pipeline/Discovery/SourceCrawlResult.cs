namespace Crawler.Pipeline.Discovery;

/// <summary>The outcome of one crawl of one source: counts for the summary table, and every problem met.</summary>
public sealed record SourceCrawlResult(string SourceId)
{
    public int ListPagesFetched { get; init; }

    public int DocumentsFound { get; init; }

    /// <summary>Documents answered 304 Not Modified.</summary>
    public int DocumentsUnchanged { get; init; }

    public IReadOnlyList<CrawlProblem> Problems { get; init; } = [];

    /// <summary>Bounds that cut the crawl short (list pages, documents, links per page).</summary>
    public IReadOnlyList<string> LimitsReached { get; init; } = [];

    /// <summary>True when the site answered with a JavaScript challenge (瑞数, 加速乐, Cloudflare).</summary>
    public bool Blocked => Problems.Any(p => p.Error.Contains(Fetching.ChallengeDetector.Message, StringComparison.Ordinal));
}
