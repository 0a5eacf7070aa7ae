using Crawler.Pipeline.Crawling;

namespace Crawler.Worker.Hosting;

/// <summary>
/// How one source's crawl ended, for the exit code and <c>crawler status</c>: succeeded (no failure), partial (some
/// documents or pages failed, others were read), failed (blocked, or failures and nothing read).
/// </summary>
public enum CrawlOutcome
{
    Succeeded,
    Partial,
    Failed,
}

public static class CrawlOutcomes
{
    public static CrawlOutcome Of(SourceCrawlSummary summary) =>
        summary.Blocked || (summary.Failures > 0 && summary.NewReports + summary.NewVersions + summary.Unchanged + summary.NotReports == 0)
            ? CrawlOutcome.Failed
            : summary.Failures > 0 ? CrawlOutcome.Partial : CrawlOutcome.Succeeded;

    /// <summary>"succeeded", "partial", "failed": the spelling in the state database and in <c>crawler status</c>.</summary>
    public static string Name(this CrawlOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
