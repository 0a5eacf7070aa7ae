namespace Crawler.Pipeline.Fetching;

/// <summary>One hop of a fetch as the exchange sends it.</summary>
internal sealed record HopRequest(Uri Url, TimeSpan Delay)
{
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }

    public KnownFetch? Known { get; init; }

    public Uri? Referrer { get; init; }
}
