namespace Crawler.Pipeline.Fetching;

/// <summary>One HTTP exchange of a fetch: either a redirect to follow or the final response (possibly a failure).</summary>
internal sealed record HopOutcome(FetchedResponse Response)
{
    public Uri? RedirectTo { get; init; }

    /// <summary>Worth asking again after a pause: 5xx, 408, 429, a timeout, a dropped connection.</summary>
    public bool Transient { get; init; }

    public TimeSpan? RetryAfter { get; init; }
}
