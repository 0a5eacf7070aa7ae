namespace Crawler.Pipeline.Search;

/// <summary>The hits of a search (with the total before the limit), or why the query could not run.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total)
{
    public string? Error { get; init; }

    /// <summary>
    /// More versions match than one query ranks (the newest ones were ranked): <see cref="Total"/> is then
    /// "at least", and the hits are the best among the newest matches, not necessarily among all of them.
    /// </summary>
    public bool TotalIsLowerBound { get; init; }

    public bool Succeeded => Error is null;

    public static SearchResults Refused(string error) => new([], 0) { Error = error };
}
