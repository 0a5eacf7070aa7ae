namespace Crawler.Pipeline.Indexing;

/// <summary>
/// The outcome of a _bulk call. When the request as a whole failed (unreachable, timeout, 401, 429/5xx after the
/// retries) <see cref="RequestError"/> says why and <see cref="Items"/> is empty: nothing is known to be indexed.
/// </summary>
public sealed record BulkResult(IReadOnlyList<BulkItemResult> Items, string? RequestError)
{
    public bool Reached => RequestError is null;

    public static BulkResult Failed(string error) => new([], error);
}
