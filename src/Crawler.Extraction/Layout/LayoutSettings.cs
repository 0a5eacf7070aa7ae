namespace Crawler.Extraction.Layout;

/// <summary>
/// Distances as fractions of the typical word height. A text layer's boxes span the font's full
/// ascent and descent (wrapped lines nearly touch); OCR boxes hug the glyphs, so its gaps are larger.
/// </summary>
public sealed record LayoutSettings(double SegmentGap, double LineTolerance, double WrappedLineGap, bool RepairDigits = false, bool RecordConfidence = false)
{
    /// <summary>pdftotext -tsv boxes: a cell border plus padding is at least ~0.55 of a 10.5 pt line.</summary>
    public static LayoutSettings TextLayer { get; } = new(SegmentGap: 0.4, LineTolerance: 0.4, WrappedLineGap: 0.3);

    /// <summary>tesseract word boxes at 200 dpi.</summary>
    public static LayoutSettings Ocr { get; } = new(SegmentGap: 0.9, LineTolerance: 0.5, WrappedLineGap: 0.6, RepairDigits: true, RecordConfidence: true);
}
