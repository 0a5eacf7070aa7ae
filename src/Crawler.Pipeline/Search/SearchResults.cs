namespace Crawler.Pipeline.Search;

/// <summary>The hits of a search (with the total before the limit), or why the query could not run.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total)
{
    public string? Error { get; init; }

    public bool Succeeded => Error is null;

    public static SearchResults Refused(string error) => new([], 0) { Error = error };
}
