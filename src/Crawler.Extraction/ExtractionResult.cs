using Crawler.Reports.Documents;
using Crawler.Reports.Model;

namespace Crawler.Extraction;

/// <summary>
/// The outcome of extracting one document: the format-neutral document, links to attachments found in
/// it (for the crawler to follow), and findings the extractor raises itself (e.g. LOW_CONFIDENCE for OCR);
/// or, when extraction failed, a Chinese/English reason naming the document. Failures are values, not exceptions.
/// </summary>
public sealed record ExtractionResult
{
    public ReportDocument? Document { get; init; }

    public DocumentFormat Format { get; init; }

    public IReadOnlyList<AttachmentLink> Attachments { get; init; } = Array.Empty<AttachmentLink>();

    public IReadOnlyList<Finding> Findings { get; init; } = Array.Empty<Finding>();

    /// <summary>The page's own title (HTML &lt;title&gt; or ArticleTitle meta), when the format has one.</summary>
    public string? Title { get; init; }

    public string? Error { get; init; }

    public bool Succeeded => Error is null && Document is not null;

    public static ExtractionResult Success(DocumentFormat format, ReportDocument document) =>
        new() { Format = format, Document = document };

    public static ExtractionResult Failure(DocumentFormat format, string error) =>
        new() { Format = format, Error = error };
}
