namespace Crawler.Reports.Documents;

/// <summary>
/// One printed cell. <paramref name="Confidence"/> is set (0..1) only when the text came from OCR,
/// so that a rule that fails on OCR'd figures can name the suspect cells.
/// </summary>
public sealed record TableCell(string Text, int RowSpan = 1, int ColumnSpan = 1, double? Confidence = null)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
