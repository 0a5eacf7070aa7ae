using Crawler.Reports.Documents;

namespace Crawler.Extraction.Layout;

/// <summary>
/// Decides which rows a group label spans. Without ruling lines the span is read from the layout: the
/// rows a group can hold are those whose own label lies deeper in the numbering (1．… under （三）…) or,
/// unnumbered, to its right; consecutive such rows are shared among the level's group labels so that
/// each label sits as near the middle of its rows as possible. A group left open at the foot of a page
/// continues over the next page's first rows (the printed merged cell is split by the page break).
/// </summary>
internal sealed class GroupPartition(IReadOnlyList<GroupLevel> levels, bool recordConfidence)
{
    private readonly Dictionary<GroupLevel, int> open = [];

    public bool Eligible(TablePartRow row, GroupLevel level)
    {
        if (row.IsTextRow) return false;
        if (row.Label is null) return true;
        var rank = row.Rank;
        if (rank is not null && level.Rank is not null) return rank > level.Rank;
        return row.Label.Left >= level.Right - 1.0;
    }

    public void Place(TablePart part, int firstRow, List<GridPlacement> placements)
    {
        for (var column = 0; column < levels.Count; column++)
        {
            var level = levels[column];
            var continued = open.Remove(level, out var index) ? index : -1;
            var groups = part.Groups.Where(level.Members.Contains).OrderBy(g => g.CentreY).ToList();
            foreach (var (windowStart, end) in Windows(part, level))
            {
                var start = windowStart;
                var inside = groups.Where(g => Home(part, level, g) is { } h && h >= start && h <= end).ToList();
                var carry = start == 0 ? continued : -1;
                if (carry >= 0 && (inside.Count == 0 || HeadingRank.Of(inside[0].Text) is null))
                {
                    var head = placements[carry];
                    var run = inside.Count <= 1 ? end - start + 1 : Split(part, inside, start, end, continued: true)[0].End - start + 1;
                    var text = inside.Count > 0 ? LayoutText.Join([head.Cell.Text, inside[0].Text]) : head.Cell.Text;
                    placements[carry] = head with { Cell = head.Cell with { Text = text, RowSpan = head.Cell.RowSpan + run } };
                    if (inside.Count > 0) inside.RemoveAt(0);
                    if (start + run - 1 == part.Rows.Count - 1) open[level] = carry;
                    if (inside.Count == 0) continue;
                    start += run;
                }
                if (inside.Count == 0 || start > end) continue;
                foreach (var (group, from, to) in Split(part, inside, start, end))
                {
                    placements.Add(new GridPlacement(firstRow + from, column,
                        new TableCell(group.Text, to - from + 1, 1, recordConfidence ? Math.Round(group.Confidence, 3) : null)));
                    if (to == part.Rows.Count - 1) open[level] = placements.Count - 1;
                }
            }
        }
    }

    private IEnumerable<(int Start, int End)> Windows(TablePart part, GroupLevel level)
    {
        var start = -1;
        for (var i = 0; i <= part.Rows.Count; i++)
        {
            var eligible = i < part.Rows.Count && Eligible(part.Rows[i], level);
            if (eligible && start < 0) start = i;
            if (!eligible && start >= 0)
            {
                yield return (start, i - 1);
                start = -1;
            }
        }
    }

    /// <summary>The eligible row nearest a group label's middle.</summary>
    private int? Home(TablePart part, GroupLevel level, LabelBlock group)
    {
        int? best = null;
        for (var i = 0; i < part.Rows.Count; i++)
        {
            if (!Eligible(part.Rows[i], level)) continue;
            if (best is null || Math.Abs(Middle(part.Rows[i]) - group.CentreY) < Math.Abs(Middle(part.Rows[best.Value]) - group.CentreY)) best = i;
        }
        return best;
    }

    private static double Middle(TablePartRow row) => (row.Top + row.Bottom) / 2;

    /// <summary>
    /// Splits rows start..end into one run per group (in order), each centred on its label as well as possible.
    /// <paramref name="continued"/>: the first group is the rest of a label cut by the page break, whose rows began on
    /// the previous page (its 1． is there).
    /// </summary>
    private static List<(LabelBlock Group, int Start, int End)> Split(TablePart part, List<LabelBlock> groups, int start, int end, bool continued = false)
    {
        // Numbered rows restart at 1． in each group: when the restarts match the labels, they are the split.
        var restarts = Enumerable.Range(start, end - start + 1).Where(i => part.Rows[i].Label is { } l && HeadingRank.StartsAtOne(l.Text)).ToList();
        if (continued && (restarts.Count == 0 || restarts[0] != start)) restarts.Insert(0, start);
        if (restarts.Count == groups.Count && restarts.Count > 0 && restarts[0] == start)
            return groups.Select((g, k) => (g, restarts[k], k + 1 < restarts.Count ? restarts[k + 1] - 1 : end)).ToList();
        var n = end - start + 1;
        var m = Math.Min(groups.Count, n);
        var cost = new double[m + 1, n + 1];
        var from = new int[m + 1, n + 1];
        for (var k = 0; k <= m; k++) for (var e = 0; e <= n; e++) cost[k, e] = double.MaxValue;
        cost[0, 0] = 0;
        for (var k = 1; k <= m; k++)
        {
            for (var e = k; e <= n - (m - k); e++)
            {
                for (var s = k; s <= e; s++)
                {
                    if (cost[k - 1, s - 1] == double.MaxValue) continue;
                    var middle = (part.Rows[start + s - 1].Top + part.Rows[start + e - 1].Bottom) / 2;
                    var c = cost[k - 1, s - 1] + Math.Abs(middle - groups[k - 1].CentreY);
                    if (c < cost[k, e]) (cost[k, e], from[k, e]) = (c, s);
                }
            }
        }
        var runs = new List<(LabelBlock, int, int)>();
        for (int k = m, e = n; k > 0; k--)
        {
            var s = from[k, e];
            runs.Insert(0, (groups[k - 1], start + s - 1, start + e - 1));
            e = s - 1;
        }
        return runs;
    }
}
