namespace Crawler.Pipeline.Storage;

/// <summary>
/// One crawl of one source as <c>crawler status</c> reads it: when it ran, how it ended (null while running or when
/// the process died), its counts, and the first problem it met.
/// </summary>
public sealed record CrawlRunRecord
{
    public required string SourceId { get; init; }

    public required string Agency { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>succeeded, partial, failed (see the command line's crawl outcome); null when the run never finished.</summary>
    public string? Outcome { get; init; }

    public int Documents { get; init; }

    public int NewReports { get; init; }

    public int NewVersions { get; init; }

    public int Failures { get; init; }

    public string? Problem { get; init; }
}
