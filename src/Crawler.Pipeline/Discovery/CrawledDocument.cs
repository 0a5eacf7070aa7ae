using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Sources;

namespace Crawler.Pipeline.Discovery;

/// <summary>
/// A fetched document that discovery believes is (or carries) an annual report, with its provenance:
/// the page that linked it, the link text, and the year named there. Processing decides finally.
/// </summary>
public sealed record CrawledDocument(Source Source, FetchedResponse Response, DocumentRole Role)
{
    public Uri? ParentUrl { get; init; }

    public string? LinkText { get; init; }

    public int? YearHint { get; init; }

    /// <summary>The date the list entry that linked the report printed (for an attachment: its page's entry).</summary>
    public DateOnly? ListedOn { get; init; }
}
