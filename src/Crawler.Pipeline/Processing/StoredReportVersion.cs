using Crawler.Pipeline.Sources;
using Crawler.Reports.Parsing;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// A report version that has just been stored: what the index and the alerts are told.
/// <see cref="Version"/> starts at 1 for a report (agency + year) never seen before.
/// </summary>
public sealed record StoredReportVersion
{
    public required long VersionId { get; init; }

    public required Source Source { get; init; }

    public required ReportParseResult Result { get; init; }

    public required string Sha256 { get; init; }

    public required Uri DocumentUrl { get; init; }

    /// <summary>The article page that linked the document, when the report was an attachment.</summary>
    public Uri? PageUrl { get; init; }

    public required string MediaType { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    /// <summary>The publication date chosen for the version and its source (docs/publication-dates.md).</summary>
    public Reports.Publication.PublicationDate? PublishedAt { get; init; }

    public required int Version { get; init; }

    /// <summary>The full text of the report (paragraphs and table cells), for full-text search.</summary>
    public required string Text { get; init; }

    public bool IsNewReport => Version == 1;
}
