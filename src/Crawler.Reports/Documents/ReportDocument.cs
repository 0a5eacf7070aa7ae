namespace Crawler.Reports.Documents;

/// <summary>
/// The format-neutral form of a published report: an ordered list of paragraphs and tables.
/// Every extractor (plain text, HTML, PDF, OCR, DOCX) produces this; the parser reads only this.
/// </summary>
public sealed record ReportDocument(IReadOnlyList<DocumentBlock> Blocks)
{
    public static ReportDocument Empty { get; } = new(Array.Empty<DocumentBlock>());

    /// <summary>Where the document came from (file name or URL), for messages only.</summary>
    public string? Origin { get; init; }

    public IEnumerable<Paragraph> Paragraphs => Blocks.OfType<Paragraph>();

    public IEnumerable<Table> Tables => Blocks.OfType<Table>();
}
