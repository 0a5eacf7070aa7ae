namespace Crawler.Pipeline.Search;

/// <summary>One matching report version, best first, with a highlighted snippet.</summary>
public sealed record SearchHit
{
    public required long VersionId { get; init; }

    public required string Agency { get; init; }

    public string? Region { get; init; }

    public required int Year { get; init; }

    public required int Version { get; init; }

    public string? Title { get; init; }

    public required Uri DocumentUrl { get; init; }

    public Uri? PageUrl { get; init; }

    public required IReadOnlyList<string> FindingCodes { get; init; }

    /// <summary>bm25 relevance; higher is better.</summary>
    public required double Score { get; init; }

    public required string Snippet { get; init; }
}
