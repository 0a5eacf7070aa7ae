using Crawler.Extraction.Ocr.Grid;

namespace Crawler.Extraction.Pdf.Lattice;

/// <summary>
/// A ruled table of one page: its grid laid out as the OCR reader lays out a scanned one (<see cref="RuledTable"/>,
/// in tenths of a point so that both share the page-break joiner), each cell's text, and the letters it used.
/// </summary>
internal sealed record LatticeTable(RuledTable Grid, IReadOnlyDictionary<GridCell, CellReading> Texts, IReadOnlySet<PdfGlyph> Glyphs)
{
    /// <summary>Grid units per point.</summary>
    public const int Scale = 10;

    /// <summary>The page-break joiner's thresholds are fractions of an inch: a tenth of a point is 720 per inch.</summary>
    public const int UnitsPerInch = 72 * Scale;
}
