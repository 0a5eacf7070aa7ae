namespace Crawler.Extraction.Layout;

/// <summary>
/// Finds tables on a page without ruling lines (the text layer has none): a table is a run of lines
/// with several wide-gapped segments, plus the single-segment lines packed tightly among them
/// (wrapped labels, vertically set group labels, header lines). A section heading ("三、收到和处理…")
/// with space above and below ends a table even when it sits close to one.
/// </summary>
internal static class TableRegionFinder
{
    public static IReadOnlyList<PageItem> Find(int page, IReadOnlyList<LayoutLine> lines, double height)
    {
        // A line of prose runs most of the text width; a label in a table cell does not.
        var textWidth = lines.Count == 0 ? 0 : lines.Max(l => l.Right) - lines.Min(l => l.Left);
        var items = new List<PageItem>();
        var pending = new List<LayoutLine>();
        List<LayoutLine>? region = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var gapAbove = i == 0 ? double.MaxValue : line.Top - lines[i - 1].Bottom;
            var gapBelow = i == lines.Count - 1 ? double.MaxValue : lines[i + 1].Top - line.Bottom;
            var breaks = line.Segments.Count == 1 && LayoutText.IsSectionHeading(line.Text) && line.Text.Length >= 5
                && (gapAbove >= 0.6 * height || gapBelow >= 0.6 * height)
                && !(region is not null && WrapsIntoRow(line, i + 1 < lines.Count ? lines[i + 1] : null, height));
            var tabular = line.Segments.Count >= 2 && !breaks;
            if (tabular)
            {
                if (region is null)
                {
                    // Leading single-segment lines chained tightly to this one belong to the table's first row(s).
                    var lead = new List<LayoutLine>();
                    for (var j = pending.Count - 1; j >= 0; j--)
                    {
                        var next = j == pending.Count - 1 ? line : pending[j + 1];
                        if (pending[j].Segments.Count > 1 || Blocks(pending[j], lines, i - (pending.Count - j), height) || next.Top - pending[j].Bottom > height) break;
                        lead.Insert(0, pending[j]);
                    }
                    pending.RemoveRange(pending.Count - lead.Count, lead.Count);
                    Flush(items, pending, null);
                    region = [.. lead];
                }
                region.Add(line);
            }
            else if (region is not null && !breaks && gapAbove <= height && line.Right - line.Left < 0.6 * textWidth)
            {
                region.Add(line);
            }
            else
            {
                if (region is not null) Flush(items, pending, Close(page, region, items, textWidth));
                region = null;
                pending.Add(line);
            }
        }
        if (region is not null) Flush(items, pending, Close(page, region, items, textWidth));
        Flush(items, pending, null);
        return items;
    }

    /// <summary>
    /// A numbered row label inside a table (一、本年新收政府信息公开申请 / 数量) whose row's figures follow on the
    /// next line: printed beside it (the figures centred on a two-line label) or under it as a wrapped line. A section
    /// heading has paragraph space below it.
    /// </summary>
    private static bool WrapsIntoRow(LayoutLine line, LayoutLine? next, double height) =>
        next is not null && next.Segments.Count >= 2 && next.Top - line.Bottom <= 0.35 * height
        && (next.Top < line.Bottom || Math.Min(next.Segments[0].Right, line.Right) - Math.Max(next.Segments[0].Left, line.Left) > 0);

    private static bool Blocks(LayoutLine line, IReadOnlyList<LayoutLine> lines, int i, double height)
    {
        var above = i <= 0 ? double.MaxValue : line.Top - lines[i - 1].Bottom;
        var below = i >= lines.Count - 1 ? double.MaxValue : lines[i + 1].Top - line.Bottom;
        return LayoutText.IsSectionHeading(line.Text) && line.Text.Length >= 5 && (above >= 0.6 * height || below >= 0.6 * height);
    }

    /// <summary>A "table" of fewer than two multi-segment lines is prose with a wide space in it.</summary>
    private static TableRegion? Close(int page, List<LayoutLine> region, List<PageItem> items, double textWidth)
    {
        var tabular = region.Where(l => l.Segments.Count >= 2).ToList();
        // One line of figures is a table (a value row alone on its page), unless it starts with a line of prose: a
        // justified paragraph line that breaks inside a number (统计期限自 202 / 4 年…) leaves a wide gap before it.
        if (tabular.Count >= 2 || (tabular.Count == 1 && DigitRepair.Repair(tabular[0].Segments[^1].Text) is not null && tabular[0].Segments[^1].Text.Length <= 12
                                   && tabular[0].Segments[0].Right - tabular[0].Segments[0].Left < 0.6 * textWidth))
            return new TableRegion(page, region);
        items.AddRange(region.Select(l => new PageItem(l, null)));
        return null;
    }

    private static void Flush(List<PageItem> items, List<LayoutLine> pending, TableRegion? region)
    {
        if (region is not null) items.Add(new PageItem(null, region));
        items.AddRange(pending.Select(l => new PageItem(l, null)));
        pending.Clear();
    }
}
