namespace Crawler.Pipeline.Storage;

/// <summary>
/// One crawl of one source as <c>crawler status</c> reads it: when it ran, how it ended, its counts, and the problems
/// it met. A run is recorded when it ends: one the process did not survive leaves no row.
/// </summary>
public sealed record CrawlRunRecord
{
    public required string SourceId { get; init; }

    public required string Agency { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>succeeded, partial, failed (see the command line's crawl outcome); null on rows written before schema step 7.</summary>
    public string? Outcome { get; init; }

    public int Documents { get; init; }

    public int NewReports { get; init; }

    public int NewVersions { get; init; }

    public int Failures { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The first problem, with how many more there were: "… (+2)".</summary>
    public string? Problem => Problems.Count == 0 ? null : Problems[0] + (Problems.Count > 1 ? $" (+{Problems.Count - 1})" : "");
}
