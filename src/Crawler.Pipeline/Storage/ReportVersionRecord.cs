using Crawler.Reports.Publication;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Storage;

/// <summary>A stored report version with its provenance, parsed model (ReportJson) and findings.</summary>
public sealed record ReportVersionRecord
{
    public required long VersionId { get; init; }

    public required long ReportId { get; init; }

    public required string Agency { get; init; }

    public string? Region { get; init; }

    public required int Year { get; init; }

    public required int Version { get; init; }

    public required bool IsLatest { get; init; }

    public required string SourceId { get; init; }

    public required Uri DocumentUrl { get; init; }

    public Uri? PageUrl { get; init; }

    public required string Sha256 { get; init; }

    public required string MediaType { get; init; }

    public long? Size { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    public required string Template { get; init; }

    /// <summary>The parsed model in the JSON shape of <see cref="Crawler.Reports.Json.ReportJson"/>.</summary>
    public required string ParsedJson { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The publication date chosen for this version, with its source; null for versions stored before dating existed.</summary>
    public PublicationDate? PublishedAt { get; init; }

    /// <summary>Every publication date found for this version, in precedence order.</summary>
    public IReadOnlyList<PublicationDate> PublicationDates { get; init; } = [];
}
