namespace Crawler.Extraction.Layout;

/// <summary>
/// Running headers, footers and page numbers ("-3-", "— 3 —", "第 3 页", "3/9"): printed on every
/// page, never part of the report's text. A line in the top or bottom margin band is furniture when
/// it is a page number or when its shape (digits blanked) repeats on most pages.
/// </summary>
internal static class PageFurniture
{
    private const double MarginBand = 0.12;

    public static IReadOnlyList<IReadOnlyList<LayoutLine>> Remove(IReadOnlyList<LayoutPage> pages, IReadOnlyList<IReadOnlyList<LayoutLine>> lines)
    {
        var repeated = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var shape in lines[p].Where(l => InMargin(pages[p], l)).Select(l => LayoutText.Shape(l.Text)).Distinct())
                repeated[shape] = repeated.GetValueOrDefault(shape) + 1;
        }
        var threshold = Math.Max(2, (int)Math.Ceiling(pages.Count * 0.5));
        var kept = new List<IReadOnlyList<LayoutLine>>();
        for (var p = 0; p < pages.Count; p++)
        {
            // The title on page 1 may read like the running header: only the line nearest the page edge goes.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var page = pages[p];
            var ordered = lines[p].OrderBy(l => Math.Min(l.Top, page.Height - l.Bottom)).ToList();
            var dropped = ordered.Where(l => InMargin(page, l) && (LayoutText.IsPageNumber(l.Text)
                || (pages.Count > 1 && repeated[LayoutText.Shape(l.Text)] >= threshold && seen.Add(LayoutText.Shape(l.Text))))).ToHashSet();
            kept.Add(lines[p].Where(l => !dropped.Contains(l)).ToList());
        }
        return kept;
    }

    private static bool InMargin(LayoutPage page, LayoutLine line) =>
        line.Bottom <= page.Height * MarginBand || line.Top >= page.Height * (1 - MarginBand);
}
