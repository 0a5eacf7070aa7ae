namespace Crawler.LoadTest;

/// <summary>
/// What one crawl pass over the simulated nation cost and found (crawler totals plus the server's counters).
/// RssBeforeBytes is the process's RSS when the crawl started: the in-process simulated web and runtime, not the crawl.
/// </summary>
public sealed record CrawlMeasurement(
    string Name,
    TimeSpan Elapsed,
    TimeSpan Cpu,
    long PeakRssBytes,
    long RssBeforeBytes,
    int DocumentsFetched,
    int NewReports,
    int NewVersions,
    int Unchanged,
    int NotReports,
    int Failures,
    long Requests,
    long MaxRequestsOnOneHost,
    long FullResponses,
    long NotModified,
    long BodyBytes,
    IReadOnlyList<string> Problems)
{
    /// <summary>The per-source summaries, as the crawl summary table shows them.</summary>
    public IReadOnlyList<Crawler.Pipeline.Crawling.SourceCrawlSummary> Sources { get; init; } = [];

    /// <summary>The shortest gap between two requests to one host, as the server saw them arrive.</summary>
    public TimeSpan? MinRequestSpacing { get; init; }

    public double DocumentsPerSecond => DocumentsFetched / Elapsed.TotalSeconds;

    public double ReportsPerSecond => (NewReports + NewVersions) / Elapsed.TotalSeconds;

    /// <summary>Documents that went through extract + parse again (anything not recognised as unchanged).</summary>
    public int DocumentsParsed => NewReports + NewVersions + NotReports + Failures;

    /// <summary>CPU seconds per elapsed second over all cores (1.0 = one core busy).</summary>
    public double CpuCores => Cpu.TotalSeconds / Elapsed.TotalSeconds;
}
