namespace Crawler.Pipeline.Fetching;

/// <summary>What the state store remembers of a URL's last successful fetch, for conditional GET.</summary>
public sealed record KnownFetch(string? ETag, string? LastModified, string Sha256, DateTimeOffset FetchedAt);
