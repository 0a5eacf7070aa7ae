using Crawler.Extraction.Layout;
using Crawler.Extraction.Pdf.Lattice;

namespace Crawler.Extraction.Pdf;

/// <summary>
/// Letters outside ruled tables as words, the way poppler cuts them (PdfPig's own word extractor cuts
/// differently): letters of one line that touch form a word; a space glyph or a gap wider than a third of the
/// letter size ends it. The word's box is the union of its letters' loose boxes.
/// </summary>
internal static class PdfWords
{
    public static List<LayoutWord> Build(int page, IEnumerable<PdfGlyph> glyphs)
    {
        var words = new List<LayoutWord>();
        foreach (var line in CellText.Lines(glyphs))
        {
            var current = new List<PdfGlyph>();
            foreach (var glyph in line)
            {
                if (glyph.IsSpace || (current.Count > 0 && glyph.Left - current[^1].Right > 0.3 * Math.Max(glyph.Size, current[^1].Size)))
                {
                    Flush();
                    if (glyph.IsSpace) continue;
                }
                current.Add(glyph);
            }
            Flush();

            void Flush()
            {
                if (current.Count == 0) return;
                var (left, top) = (current.Min(g => g.Left), current.Min(g => g.Top));
                var (right, bottom) = (current.Max(g => g.Right), current.Max(g => g.Bottom));
                words.Add(new LayoutWord(page, left, top, right - left, bottom - top, string.Concat(current.Select(g => g.Text))));
                current = [];
            }
        }
        return words;
    }
}
