namespace Crawler.Pipeline.Processing;

/// <summary>The outcome of processing one document: a value for the crawl summary, never an exception.</summary>
public sealed record ProcessingOutcome(ProcessingOutcomeKind Kind, Uri Url)
{
    public string? Sha256 { get; init; }

    public string? Agency { get; init; }

    public int? Year { get; init; }

    public int? Version { get; init; }

    /// <summary>Why (not a report, quarantined, unchanged), in Chinese with the technical detail.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// Documents a report page links that extraction found in its body (Extraction's AttachmentLinks: document files,
    /// a pdf.js viewer's file, tables pasted as images for OCR): the crawl fetches them as the page's attachments.
    /// </summary>
    public IReadOnlyList<Crawler.Extraction.AttachmentLink> Attachments { get; init; } = [];

    public static ProcessingOutcome Failed(Uri url, string? sha256, string reason) =>
        new(ProcessingOutcomeKind.Failed, url) { Sha256 = sha256, Reason = reason };

    public static ProcessingOutcome Unchanged(Uri url, string? sha256, string reason) =>
        new(ProcessingOutcomeKind.Unchanged, url) { Sha256 = sha256, Reason = reason };

    public static ProcessingOutcome NotAReport(Uri url, string sha256, string reason) =>
        new(ProcessingOutcomeKind.NotAReport, url) { Sha256 = sha256, Reason = reason };
}
