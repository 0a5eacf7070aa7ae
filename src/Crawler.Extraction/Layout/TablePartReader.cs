namespace Crawler.Extraction.Layout;

/// <summary>
/// Reads one page's region of a table: lines carrying figures are the rows; label text is stacked into
/// blocks; a block is a row's own label when it is the rightmost label beside that row's figures,
/// otherwise it labels a group of rows; blocks above the first row of figures are the header.
/// </summary>
internal sealed class TablePartReader(IReadOnlyList<double> columns, double numericLeft, double height, LayoutSettings settings)
{
    public TablePart Read(TableRegion region)
    {
        var tolerance = 0.3 * height;
        var numeric = new HashSet<LayoutSegment>(ReferenceEqualityComparer.Instance);
        foreach (var s in region.Segments.Where(s => s.Left >= numericLeft && Number(s) is not null)) numeric.Add(s);
        var anchors = region.Lines.Where(l => l.Segments.Any(numeric.Contains)).OrderBy(l => l.CentreY).ToList();
        var rows = anchors.Select(a => new TablePartRow { Anchor = a }).ToList();
        var blocks = LabelBlock.Stack(region.Segments.Where(s => !numeric.Contains(s)), height, settings);
        var firstY = anchors.Count > 0 ? anchors[0].CentreY : double.MaxValue;
        var header = blocks.Where(b => b.Bottom + tolerance < firstY && !anchors.Any(a => b.Covers(a.CentreY, tolerance))).ToList();
        // Text beside no row's figures (a section row inside the table) is a row of its own.
        // A group label in a tall merged cell may cover no row's figures either, but other rows' text is
        // printed beside it; a section row has nothing beside it.
        var candidates = blocks.Except(header).Where(b => !anchors.Any(a => b.Covers(a.CentreY, 0.5 * height))).ToList();
        var beside = blocks.Except(header).Except(candidates).Select(b => (b.Top, b.Bottom)).Concat(anchors.Select(a => (a.Top, a.Bottom))).ToList();
        var loose = candidates.Where(b => !beside.Any(x => Math.Min(x.Bottom, b.Bottom) - Math.Max(x.Top, b.Top) > 0.2 * height)).ToList();
        var data = blocks.Except(header).Except(loose).ToList();

        foreach (var row in rows)
        {
            foreach (var s in row.Anchor!.Segments.Where(numeric.Contains)) Add(row, Column(s.CentreX), s);
        }
        var labels = data.Where(b => b.CentreX < numericLeft).ToList();
        foreach (var text in data.Except(labels).Where(_ => rows.Count > 0))
        {
            foreach (var s in text.Segments) Add(Nearest(rows, s.CentreY), Column(s.CentreX), s);
        }
        AssignOwnLabels(rows, labels, tolerance);
        var owned = rows.Where(r => r.Label is not null).Select(r => r.Label!).ToHashSet();
        var groups = labels.Where(b => !owned.Contains(b)).ToList();
        foreach (var texts in HeaderRows(loose))
        {
            // A numbered row whose figures are all blank is still a row (1．属于国家秘密 with nothing filled in).
            var row = new TablePartRow();
            var own = texts.MaxBy(b => b.Left)!;
            if (texts.All(b => b.CentreX < numericLeft) && HeadingRank.Of(own.Text) is not null)
            {
                row.Label = own;
                groups.AddRange(texts.Where(b => b != own));
            }
            else
            {
                row.Texts.AddRange(texts);
            }
            rows.Add(row);
        }
        rows = rows.OrderBy(r => r.CentreY).ToList();
        // A lone numbered label beside deeper-numbered rows printed to its right is their group label
        // (（五）不予处理 printed near the top of its merged cell), not a row without figures.
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            var row = rows[i];
            if (row.Anchor is not null || row.Label is null || row.Rank is not { } rank) continue;
            var neighbours = new[] { i > 0 ? rows[i - 1] : null, i + 1 < rows.Count ? rows[i + 1] : null };
            if (neighbours.Any(n => n?.Label is not null && n.Rank > rank && n.Label.Left >= row.Label.Right - 1))
            {
                groups.Add(row.Label);
                rows.RemoveAt(i);
            }
        }
        return new TablePart
        {
            Page = region.Page,
            HeaderRows = HeaderRows(header),
            Rows = rows,
            Groups = groups,
        };
    }

    public string? Number(LayoutSegment segment) =>
        settings.RepairDigits ? DigitRepair.Repair(segment.Text) : LayoutText.IsNumber(segment.Text) ? LayoutText.NarrowDigits(segment.Text) : null;

    public int Column(double x)
    {
        var best = 0;
        for (var i = 1; i < columns.Count; i++) if (Math.Abs(columns[i] - x) < Math.Abs(columns[best] - x)) best = i;
        return best;
    }

    private static void Add(TablePartRow row, int column, LayoutSegment segment)
    {
        if (!row.Values.TryGetValue(column, out var list)) row.Values[column] = list = [];
        list.Add(segment);
    }

    private static TablePartRow Nearest(List<TablePartRow> rows, double y) => rows.MinBy(r => Math.Abs(r.CentreY - y))!;

    private static void AssignOwnLabels(List<TablePartRow> rows, List<LabelBlock> labels, double tolerance)
    {
        foreach (var row in rows)
        {
            var candidates = labels.Where(b => b.Covers(row.Anchor!.CentreY, 0.5 * tolerance / 0.3)).ToList();
            row.Label = candidates.MaxBy(b => b.Left);
        }
        // A tall label beside two rows' figures is the own label of the row nearest its middle only.
        foreach (var shared in rows.Where(r => r.Label is not null).GroupBy(r => r.Label!).Where(g => g.Count() > 1))
        {
            var keep = shared.MinBy(r => Math.Abs(r.CentreY - shared.Key.CentreY));
            foreach (var row in shared.Where(r => r != keep)) row.Label = null;
        }
    }

    private List<List<LabelBlock>> HeaderRows(List<LabelBlock> header)
    {
        var rows = new List<List<LabelBlock>>();
        foreach (var block in header.OrderBy(b => b.CentreY))
        {
            if (rows.Count > 0 && Math.Abs(rows[^1].Average(b => b.CentreY) - block.CentreY) <= 0.5 * height) rows[^1].Add(block);
            else rows.Add([block]);
        }
        return rows;
    }
}
