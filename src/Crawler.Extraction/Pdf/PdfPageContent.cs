namespace Crawler.Extraction.Pdf;

/// <summary>
/// What a text PDF's page prints, as displayed (the page's /Rotate applied), in points from the top-left
/// corner: every letter with its box, and every ruling (a stroked straight line, a thin filled rectangle or
/// the edge of a stroked rectangle) as a horizontal or vertical segment.
/// </summary>
internal sealed record PdfPageContent(int Number, double Width, double Height, IReadOnlyList<PdfGlyph> Glyphs, IReadOnlyList<PdfRuling> Rulings);

/// <summary>One letter (or a space glyph) with its loose box (font ascent to descent, as poppler's word boxes).</summary>
internal sealed record PdfGlyph(string Text, double Left, double Top, double Right, double Bottom, double Size)
{
    public double CentreX => (Left + Right) / 2;

    public double CentreY => (Top + Bottom) / 2;

    public double Height => Bottom - Top;

    public bool IsSpace => string.IsNullOrWhiteSpace(Text);
}

/// <summary>A straight ruling: horizontal at y = <paramref name="At"/> from x = From to To, or vertical at x = At from y = From to To.</summary>
internal sealed record PdfRuling(bool Horizontal, double At, double From, double To)
{
    public double Length => To - From;
}
