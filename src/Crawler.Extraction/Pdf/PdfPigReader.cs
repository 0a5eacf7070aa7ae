using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Colors;

namespace Crawler.Extraction.Pdf;

/// <summary>
/// Reads a text PDF's letters and rulings with PdfPig. This is the part that parses hostile bytes, so it runs
/// in the reader process (<see cref="PdfReaderHost"/>); it stops with <see cref="PdfContentLimitException"/> past
/// the limits on pages, letters and path segments. Giant pages cost nothing here: nothing is rasterised.
/// </summary>
internal static class PdfPigReader
{
    /// <summary>A ruling is at most this thick (points): table borders are 0.25–1.5 pt, double lines a little more.</summary>
    private const double MaxRulingThickness = 2.5;

    /// <summary>Shorter strokes are glyph parts, underlines of single letters or dots, not rulings.</summary>
    private const double MinRulingLength = 3;

    public static IReadOnlyList<PdfPageContent> Read(byte[] pdf, PdfReadLimits limits)
    {
        using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false });
        if (document.NumberOfPages > limits.MaxPages)
            throw new PdfContentLimitException($"PDF 有 {document.NumberOfPages} 页，超过上限 {limits.MaxPages} 页（Extraction:Pdf:MaxPages）");
        var pages = new List<PdfPageContent>(document.NumberOfPages);
        long glyphs = 0, segments = 0;
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            var page = document.GetPage(number);
            var (width, height) = (page.Width, page.Height);
            var letters = page.Letters;
            glyphs += letters.Count;
            if (glyphs > limits.MaxGlyphs)
                throw new PdfContentLimitException($"PDF 的文字超过 {limits.MaxGlyphs:N0} 个字符（到第 {number} 页为止），不像年度报告");
            var pageGlyphs = new List<PdfGlyph>(letters.Count);
            foreach (var letter in letters)
            {
                var box = letter.GlyphRectangleLoose;
                if (letter.Value.Length == 0 || !IsFinite(box)) continue;
                var (top, bottom) = LineBox(letter, box);
                pageGlyphs.Add(new PdfGlyph(RadicalGlyphs.Normalize(letter.Value), box.Left, height - top, box.Right, height - bottom, letter.PointSize));
            }
            var rulings = new List<PdfRuling>();
            foreach (var path in page.Paths)
            {
                segments += path.Sum(s => (long)s.Commands.Count);
                if (segments > limits.MaxPathSegments)
                    throw new PdfContentLimitException($"PDF 的矢量路径超过 {limits.MaxPathSegments:N0} 段（到第 {number} 页为止），不像年度报告");
                AddRulings(path, height, rulings);
            }
            pages.Add(new PdfPageContent(number, width, height, pageGlyphs, rulings));
        }
        return pages;
    }

    /// <summary>
    /// The letter's box from top to bottom (PDF coordinates, y up). The loose box comes from the font's declared ascent,
    /// descent and bounding box; for some embedded subset fonts these are missing or wrong: Chromium's print-to-PDF
    /// CID fonts give a box only the descent high (about 1.3 pt for 10.5 pt letters), so every gap between lines looks
    /// huge next to the "letter height" and a table without rulings falls apart into paragraphs. A box far from the
    /// letter size is replaced by the usual extent around the baseline (ascent 0.88, descent 0.12 of the size); a box of
    /// ordinary height is kept as it is.
    /// </summary>
    private static (double Top, double Bottom) LineBox(Letter letter, PdfRectangle box)
    {
        var size = letter.PointSize;
        if (size <= 0 || letter.TextOrientation != TextOrientation.Horizontal || (box.Height >= 0.6 * size && box.Height <= 1.6 * size))
            return (box.Top, box.Bottom);
        var baseline = letter.StartBaseLine.Y;
        return (baseline + 0.88 * size, baseline - 0.12 * size);
    }

    /// <summary>Straight horizontal or vertical pieces of what the page draws visibly: strokes, and thin filled rectangles.</summary>
    private static void AddRulings(PdfPath path, double pageHeight, List<PdfRuling> rulings)
    {
        if (path.IsClipping) return;
        if (path.IsStroked && !IsWhite(path.StrokeColor))
        {
            foreach (var subpath in path)
            {
                PdfPoint? start = null, current = null;
                foreach (var command in subpath.Commands)
                {
                    switch (command)
                    {
                        case PdfSubpath.Move move:
                            start = current = move.Location;
                            break;
                        case PdfSubpath.Line line:
                            AddSegment(line.From, line.To, pageHeight, rulings);
                            current = line.To;
                            break;
                        case PdfSubpath.Close when start is { } s && current is { } c:
                            AddSegment(c, s, pageHeight, rulings);
                            current = s;
                            break;
                        case PdfSubpath.CubicBezierCurve curve:
                            current = curve.EndPoint;
                            break;
                    }
                }
            }
        }
        else if (path.IsFilled && !IsWhite(path.FillColor))
        {
            foreach (var subpath in path)
            {
                if (subpath.GetBoundingRectangle() is not { } box || !IsFinite(box)) continue;
                var (w, h) = (box.Width, box.Height);
                var (top, bottom) = (pageHeight - box.Top, pageHeight - box.Bottom);
                if (h <= MaxRulingThickness && w >= MinRulingLength && h < w) rulings.Add(new PdfRuling(true, (top + bottom) / 2, box.Left, box.Right));
                else if (w <= MaxRulingThickness && h >= MinRulingLength && w < h) rulings.Add(new PdfRuling(false, (box.Left + box.Right) / 2, top, bottom));
            }
        }
    }

    private static void AddSegment(PdfPoint from, PdfPoint to, double pageHeight, List<PdfRuling> rulings)
    {
        var (dx, dy) = (Math.Abs(to.X - from.X), Math.Abs(to.Y - from.Y));
        if (!double.IsFinite(dx) || !double.IsFinite(dy)) return;
        if (dy <= 0.5 && dx >= MinRulingLength)
            rulings.Add(new PdfRuling(true, pageHeight - (from.Y + to.Y) / 2, Math.Min(from.X, to.X), Math.Max(from.X, to.X)));
        else if (dx <= 0.5 && dy >= MinRulingLength)
            rulings.Add(new PdfRuling(false, (from.X + to.X) / 2, pageHeight - Math.Max(from.Y, to.Y), pageHeight - Math.Min(from.Y, to.Y)));
    }

    /// <summary>A white line or fill draws nothing on paper (cell backgrounds, erased borders).</summary>
    private static bool IsWhite(IColor? color)
    {
        if (color is null) return false;
        try
        {
            var (r, g, b) = color.ToRGBValues();
            return r > 0.95 && g > 0.95 && b > 0.95;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }

    private static bool IsFinite(PdfRectangle box) =>
        double.IsFinite(box.Left) && double.IsFinite(box.Right) && double.IsFinite(box.Top) && double.IsFinite(box.Bottom);
}

/// <summary>Limits the reader process applies while reading one PDF.</summary>
internal sealed record PdfReadLimits(int MaxPages, long MaxGlyphs, long MaxPathSegments, long MemoryBytes)
{
    public static PdfReadLimits From(PdfOptions options) => new(options.MaxPages, options.MaxGlyphs, options.MaxPathSegments, options.ReaderMemoryBytes);
}

/// <summary>The PDF is readable but holds more than any report: too many pages, letters or path segments, or a giant page.</summary>
internal sealed class PdfContentLimitException(string message) : Exception(message);
