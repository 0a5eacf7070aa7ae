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
            kept.Add(lines[p].Where(l => !(InMargin(pages[p], l)
                && (LayoutText.IsPageNumber(l.Text) || (pages.Count > 1 && repeated[LayoutText.Shape(l.Text)] >= threshold)))).ToList());
        }
        return kept;
    }

    private static bool InMargin(LayoutPage page, LayoutLine line) =>
        line.Bottom <= page.Height * MarginBand || line.Top >= page.Height * (1 - MarginBand);
}
