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
            words.Add((word, $"{f[2]}.{f[3]}.{f[4]}"));
        }
        var slope = Slope(words);
        var straightened = words.Select(x => x.Word with
        {
            Left = x.Word.Left + slope * x.Word.CentreY,
            Top = x.Word.Top - slope * x.Word.CentreX,
        }).ToList();
        return new LayoutPage(pageNumber, width, height, straightened);
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
