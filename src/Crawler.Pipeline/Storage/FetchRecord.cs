namespace Crawler.Pipeline.Storage;

/// <summary>One HTTP exchange as the state store remembers it (its body, if any, is in the archive by hash).</summary>
public sealed record FetchRecord
{
    public string? SourceId { get; init; }

    public required Uri Url { get; init; }

    public required Uri FinalUrl { get; init; }

    public required int Status { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];

    public required DateTimeOffset FetchedAt { get; init; }

    /// <summary>Lower-case hex sha256 of the archived body (for a 304: of the body it confirmed).</summary>
    public string? Sha256 { get; init; }

    public string? MediaType { get; init; }

    public long? Size { get; init; }

    public string? Error { get; init; }
}
