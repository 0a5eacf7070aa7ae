namespace Crawler.Pipeline.Storage;

/// <summary>
/// Where a document was found, kept with its processing state so that a quarantined document can be
/// retried on a later run from the archive alone, without fetching it again.
/// </summary>
public sealed record DocumentContext
{
    public required string SourceId { get; init; }

    public required Uri Url { get; init; }

    public Uri? PageUrl { get; init; }

    /// <summary>The discovery role's name (ReportPage, ReportAttachment).</summary>
    public required string Role { get; init; }

    public string? LinkText { get; init; }

    public int? YearHint { get; init; }

    /// <summary>The date printed beside the list entry that linked the document (an attachment: its page's entry).</summary>
    public DateOnly? ListedOn { get; init; }

    public string? MediaType { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }
}
