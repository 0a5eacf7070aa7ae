using System.Globalization;
using System.Text;
using Crawler.Extraction.Layout;

namespace Crawler.Extraction.Ocr;

/// <summary>
/// Reads tesseract's TSV (level 5 = words with boxes in pixels and a 0–100 confidence) and removes a
/// scan's slight rotation: the median slope of tesseract's own lines is sheared out of the word boxes,
/// so that words of one table row share a band again.
/// </summary>
internal static class TesseractTsv
{
    public static LayoutPage Parse(byte[] tsv, int pageNumber)
    {
        var read = ReadWords(tsv, pageNumber);
        return Build(read.Words, pageNumber, read.Width, read.Height);
    }

    /// <summary>The page's words in pixels as tesseract placed them (rulings cut out, glued figures split), keyed by tesseract's line.</summary>
    public static (List<(LayoutWord Word, string Line)> Words, double Width, double Height) ReadWords(byte[] tsv, int pageNumber)
    {
        double width = 0, height = 0;
        var words = new List<(LayoutWord Word, string Line)>();
        foreach (var row in Encoding.UTF8.GetString(tsv).Split('\n'))
        {
            var f = row.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || !int.TryParse(f[0], out var level)) continue;
            if (!Number(f[6], out var left) || !Number(f[7], out var top) || !Number(f[8], out var w) || !Number(f[9], out var h)) continue;
            if (level == 1) (width, height) = (w, h);
            if (level != 5 || string.IsNullOrWhiteSpace(f[11]) || !Number(f[10], out var conf) || conf < 0) continue;
            var word = new LayoutWord(pageNumber, left, top, w, h, f[11].Trim(), Math.Clamp(conf / 100.0, 0, 1));
            foreach (var piece in WithoutRulings(word).SelectMany(SplitGluedFigure)) words.Add((piece, $"{f[2]}.{f[3]}.{f[4]}"));
        }
        return (words, width, height);
    }

    /// <summary>Straightens the words (the scan's skew sheared out) into a layout page.</summary>
    public static LayoutPage Build(List<(LayoutWord Word, string Line)> words, int pageNumber, double width, double height)
    {
        words = WithLineHeights(words);
        var slope = Slope(words);
        var straightened = words.Select(x => x.Word with
        {
            Left = x.Word.Left + slope * x.Word.CentreY,
            Top = x.Word.Top - slope * x.Word.CentreX,
        }).ToList();
        return new LayoutPage(pageNumber, width, height, straightened);
    }

    /// <summary>
    /// Tesseract reads a table's vertical rulings as "|" (alone or glued to a cell's text); they are
    /// never text in these reports, so they are cut out, splitting the box in proportion.
    /// </summary>
    private static IEnumerable<LayoutWord> WithoutRulings(LayoutWord word)
    {
        var text = word.Text;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsRuling(text[i])) continue;
            if (i > start)
            {
                var unit = word.Width / text.Length;
                yield return word with { Left = word.Left + unit * start, Width = unit * (i - start), Text = text[start..i] };
            }
            start = i + 1;
        }
    }

    /// <summary>
    /// chi_sim glues a row label to the figure in the next cell ("申请数量3"): when the box is much wider
    /// than its characters need, the trailing digits sat across a gap, in a cell of their own.
    /// </summary>
    private static IEnumerable<LayoutWord> SplitGluedFigure(LayoutWord word)
    {
        var text = word.Text;
        var cut = text.Length;
        while (cut > 0 && (char.IsAsciiDigit(text[cut - 1]) || text[cut - 1] is >= '０' and <= '９')) cut--;
        var cjk = LayoutText.CountCjkLetters(text[..cut]);
        if (cut == text.Length || cut == 0 || cjk == 0)
        {
            yield return word;
            yield break;
        }
        var digits = text.Length - cut;
        var needed = (cut * word.Height) + (digits * 0.6 * word.Height);
        if (word.Width < needed + 1.5 * word.Height)
        {
            yield return word;
            yield break;
        }
        var figureWidth = digits * 0.6 * word.Height;
        yield return word with { Width = cut * word.Height, Text = text[..cut] };
        yield return word with { Left = word.Right - figureWidth, Width = figureWidth, Text = text[cut..] };
    }

    private static bool IsRuling(char c) => c is '|' or '丨' or '｜' or '¦';

    /// <summary>
    /// Punctuation such as "、" comes back with a box twice the line's height, which would glue a label to
    /// the next row's; such boxes take the height of the other words on their tesseract line.
    /// </summary>
    private static List<(LayoutWord Word, string Line)> WithLineHeights(List<(LayoutWord Word, string Line)> words)
    {
        var median = LineGrouper.Median(words.Select(x => x.Word.Height));
        var lines = words.GroupBy(x => x.Line).ToDictionary(g => g.Key, g => g.Select(x => x.Word).Where(w => w.Height <= 1.4 * median).ToList());
        return words.Select(x =>
        {
            if (x.Word.Height <= 1.4 * median || lines[x.Line].Count == 0) return x;
            var peers = lines[x.Line];
            return (x.Word with { Top = LineGrouper.Median(peers.Select(w => w.Top)), Height = LineGrouper.Median(peers.Select(w => w.Height)) }, x.Line);
        }).ToList();
    }

    private static double Slope(List<(LayoutWord Word, string Line)> words)
    {
        var slopes = new List<double>();
        foreach (var line in words.GroupBy(x => x.Line))
        {
            var ordered = line.Select(x => x.Word).OrderBy(w => w.CentreX).ToList();
            if (ordered.Count < 2) continue;
            var (a, b) = (ordered[0], ordered[^1]);
            if (b.CentreX - a.CentreX < 150) continue;
            slopes.Add((b.CentreY - a.CentreY) / (b.CentreX - a.CentreX));
        }
        var slope = LineGrouper.Median(slopes);
        return Math.Abs(slope) < 0.05 ? slope : 0;
    }

    private static bool Number(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
