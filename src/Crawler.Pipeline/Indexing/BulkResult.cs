namespace Crawler.Pipeline.Indexing;

/// <summary>
/// The outcome of a _bulk call. When the request as a whole failed (unreachable, timeout, 401, a whole-request 429 or
/// 5xx, an answer that is not from Elasticsearch) <see cref="RequestError"/> says why, <see cref="RequestStatus"/> is
/// the HTTP status if there was one, and <see cref="Items"/> is empty: nothing is known to be indexed.
/// </summary>
public sealed record BulkResult(IReadOnlyList<BulkItemResult> Items, string? RequestError, int? RequestStatus = null)
{
    public bool Reached => RequestError is null;

    public static BulkResult Failed(string error, int? status) => new([], error, status);
}
