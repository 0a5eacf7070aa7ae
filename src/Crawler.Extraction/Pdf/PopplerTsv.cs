using System.Globalization;
using System.Text;
using Crawler.Extraction.Layout;

namespace Crawler.Extraction.Pdf;

/// <summary>
/// Reads <c>pdftotext -tsv</c> (poppler 22.12): level 1 rows give each page's size, level 5 rows the
/// words with their boxes in points. The rows' own order is ignored (it scrambles WPS tables).
/// </summary>
internal static class PopplerTsv
{
    public static IReadOnlyList<LayoutPage> Parse(byte[] tsv)
    {
        var sizes = new SortedDictionary<int, (double Width, double Height)>();
        var words = new Dictionary<int, List<LayoutWord>>();
        foreach (var line in Encoding.UTF8.GetString(tsv).Split('\n'))
        {
            var f = line.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || !int.TryParse(f[0], out var level) || !int.TryParse(f[1], out var page)) continue;
            if (!TryNumber(f[6], out var left) || !TryNumber(f[7], out var top) || !TryNumber(f[8], out var width) || !TryNumber(f[9], out var height)) continue;
            var text = string.Join('\t', f[11..]);
            if (level == 1) sizes[page] = (width, height);
            else if (level == 5 && text.Length > 0 && !text.StartsWith("###", StringComparison.Ordinal))
            {
                if (!words.TryGetValue(page, out var list)) words[page] = list = [];
                list.Add(new LayoutWord(page, left, top, width, height, text));
            }
        }
        return sizes.Select(s => new LayoutPage(s.Key, s.Value.Width, s.Value.Height, words.GetValueOrDefault(s.Key) ?? [])).ToList();
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
