namespace Crawler.Pipeline.Crawling;

/// <summary>What one pass over one source did: the line a supervising office reads in the run summary.</summary>
public sealed record SourceCrawlSummary(string SourceId, string Agency)
{
    public int DocumentsFetched { get; init; }

    public int NewReports { get; init; }

    public int NewVersions { get; init; }

    public int Unchanged { get; init; }

    public int NotReports { get; init; }

    public int Failures { get; init; }

    /// <summary>The site answered with a JavaScript challenge (瑞数, 加速乐, Cloudflare): reported, not retried in a loop.</summary>
    public bool Blocked { get; init; }

    /// <summary>Human-readable problems (blocked by a JavaScript challenge, robots.txt, TLS, quarantined documents …).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public TimeSpan Elapsed { get; init; }
}
