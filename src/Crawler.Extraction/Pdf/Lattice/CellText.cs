using Crawler.Extraction.Layout;

namespace Crawler.Extraction.Pdf.Lattice;

/// <summary>
/// A cell's letters as one text in reading order: lines top to bottom (so a label set vertically, one letter per
/// line, reads top to bottom), letters left to right. A gap or a space glyph between two letters is a space,
/// except between Chinese letters (stray spaces in 只计这一情 形 are typography); lines join without a space
/// where either side is Chinese or both are digits (a figure wrapped in a narrow cell is one number).
/// </summary>
internal static class CellText
{
    public static string Join(IReadOnlyList<PdfGlyph> glyphs)
    {
        var lines = Lines(glyphs);
        var text = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            var part = LineText(line);
            if (part.Length == 0) continue;
            if (text.Length > 0 && !Tight(text[^1], part[0])) text.Append(' ');
            text.Append(part);
        }
        return text.ToString();
    }

    /// <summary>Letters grouped into lines by their vertical centres, each line left to right.</summary>
    public static List<List<PdfGlyph>> Lines(IEnumerable<PdfGlyph> glyphs)
    {
        var lines = new List<List<PdfGlyph>>();
        var centres = new List<double>();
        foreach (var glyph in glyphs.OrderBy(g => g.CentreY))
        {
            var tolerance = Math.Max(1.0, 0.4 * glyph.Height);
            if (lines.Count > 0 && Math.Abs(glyph.CentreY - centres[^1]) <= tolerance)
            {
                lines[^1].Add(glyph);
                centres[^1] = lines[^1].Where(g => !g.IsSpace).Select(g => g.CentreY).DefaultIfEmpty(glyph.CentreY).Average();
            }
            else
            {
                lines.Add([glyph]);
                centres.Add(glyph.CentreY);
            }
        }
        foreach (var line in lines) line.Sort((a, b) => a.Left.CompareTo(b.Left));
        return lines.Where(l => l.Any(g => !g.IsSpace)).ToList();
    }

    public static string LineText(IReadOnlyList<PdfGlyph> line)
    {
        var text = new System.Text.StringBuilder();
        var pendingSpace = false;
        PdfGlyph? previous = null;
        foreach (var glyph in line)
        {
            if (glyph.IsSpace)
            {
                pendingSpace = text.Length > 0;
                continue;
            }
            if (previous is not null && glyph.Left - previous.Right > 0.3 * Math.Max(previous.Size, glyph.Size)) pendingSpace = true;
            if (pendingSpace && !(LayoutText.IsCjk(text[^1]) && LayoutText.IsCjk(glyph.Text[0]))) text.Append(' ');
            pendingSpace = false;
            text.Append(glyph.Text);
            previous = glyph;
        }
        return text.ToString().Trim();
    }

    private static bool Tight(char before, char after) =>
        LayoutText.IsCjk(before) || LayoutText.IsCjk(after) || (char.IsAsciiDigit(before) && char.IsAsciiDigit(after));
}
