using Crawler.Reports.Parsing;
using Crawler.Reports.Publication;

namespace Crawler.Pipeline.Storage;

/// <summary>A parsed report about to be stored under its identity (agency + year).</summary>
public sealed record ReportVersionDraft
{
    public required string Agency { get; init; }

    public required int Year { get; init; }

    public required string SourceId { get; init; }

    public string? Region { get; init; }

    public required string Sha256 { get; init; }

    /// <summary>The report's content (ReportFingerprint): bytes with a stored version's content are not a new version.</summary>
    public required string ContentFingerprint { get; init; }

    public required Uri DocumentUrl { get; init; }

    public Uri? PageUrl { get; init; }

    public required string MediaType { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    public required ReportParseResult Result { get; init; }

    /// <summary>The publication date chosen and every date found (docs/publication-dates.md); null when not dated.</summary>
    public PublicationDecision? Publication { get; init; }
}
