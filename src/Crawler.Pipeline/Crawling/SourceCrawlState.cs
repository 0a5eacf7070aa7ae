namespace Crawler.Pipeline.Crawling;

/// <summary>
/// What the status page says of one source's crawling: when it was last checked, when a check last found a new
/// report or version, and the latest problem (with when). The next run comes from the schedule, not from here.
/// </summary>
public sealed record SourceCrawlState(string SourceId)
{
    public DateTimeOffset? LastChecked { get; init; }

    public DateTimeOffset? LastChanged { get; init; }

    public DateTimeOffset? LastProblemAt { get; init; }

    public string? LastProblem { get; init; }

    /// <summary>Documents of the source kept in quarantine with their extraction error.</summary>
    public int Quarantined { get; init; }
}
