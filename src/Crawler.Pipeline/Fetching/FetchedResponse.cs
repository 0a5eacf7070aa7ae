namespace Crawler.Pipeline.Fetching;

/// <summary>
/// One HTTP exchange as the archive keeps it. The body was streamed to <see cref="BodyFile"/> (a temporary
/// file the receiver moves into the archive or deletes); it is null for 304 Not Modified and for failures.
/// </summary>
public sealed record FetchedResponse
{
    public required Uri RequestedUrl { get; init; }

    public required Uri FinalUrl { get; init; }

    public required int StatusCode { get; init; }

    public string? ContentType { get; init; }

    public string HttpVersion { get; init; } = "1.1";

    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];

    public string? BodyFile { get; init; }

    public long BodyLength { get; init; }

    /// <summary>Lower-case hex sha256 of the body.</summary>
    public string? Sha256 { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    public bool NotModified => StatusCode == 304;

    /// <summary>Why the fetch failed (timeout, TLS, size limit, refused address, robots.txt …); null on success.</summary>
    public string? Error { get; init; }
}
