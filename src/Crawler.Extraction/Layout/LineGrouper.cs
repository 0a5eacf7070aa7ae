namespace Crawler.Extraction.Layout;

/// <summary>
/// Sorts a page's words into lines by their boxes, never by the order the tool emitted them
/// (pdftotext -tsv scrambles table rows of WPS-made PDFs), then splits each line at wide gaps.
/// </summary>
internal static class LineGrouper
{
    public static IReadOnlyList<LayoutLine> Group(IReadOnlyList<LayoutWord> words, LayoutSettings settings)
    {
        if (words.Count == 0) return [];
        var height = Median(words.Select(w => w.Height));
        var tolerance = Math.Max(2.0, settings.LineTolerance * height);
        var bands = new List<List<LayoutWord>>();
        foreach (var word in words.Where(w => !string.IsNullOrWhiteSpace(w.Text)).OrderBy(w => w.CentreY))
        {
            var band = bands.Count > 0 ? bands[^1] : null;
            if (band is not null && Math.Abs(word.CentreY - band.Average(w => w.CentreY)) <= tolerance) band.Add(word);
            else bands.Add([word]);
        }
        return bands.Select(b => new LayoutLine(b[0].Page, Split(b.OrderBy(w => w.Left).ToList(), settings.SegmentGap * height))).ToList();
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    private static List<LayoutSegment> Split(List<LayoutWord> words, double gap)
    {
        var segments = new List<LayoutSegment>();
        var current = new List<LayoutWord> { words[0] };
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i].Left - current.Max(w => w.Right) > gap)
            {
                segments.Add(new LayoutSegment(current));
                current = [];
            }
            current.Add(words[i]);
        }
        segments.Add(new LayoutSegment(current));
        return segments;
    }
}
