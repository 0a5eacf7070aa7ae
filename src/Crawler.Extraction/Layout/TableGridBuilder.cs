using Crawler.Reports.Documents;

namespace Crawler.Extraction.Layout;

/// <summary>
/// Rebuilds one table (one region per page it is printed on) into a grid: numeric columns from the
/// x-positions of figures across all rows, label columns from the nesting of group labels, rows from
/// the lines carrying figures; group labels span the rows they are centred on, and a group cut by a
/// page break continues over the next page's first rows.
/// </summary>
internal static class TableGridBuilder
{
    public static Table Build(IReadOnlyList<TableRegion> regions, double height, LayoutSettings settings, List<RebuiltCell> numbers)
    {
        var segments = regions.SelectMany(r => r.Segments).ToList();
        var probe = new TablePartReader([0], 0, height, settings);
        var figures = segments.Where(s => probe.Number(s) is not null).ToList();
        var headers = ColumnHeaders(regions, figures, height);
        // OCR noise read as a digit must not open a column of its own: columns come from confident figures
        // that recur down the table (or from the header).
        var confident = figures.Where(s => s.Confidence >= 0.6).Concat(headers).ToList();
        var columns = Cluster(confident.Select(s => s.CentreX), height, settings.RecordConfidence ? 2 : 1);
        if (settings.RecordConfidence)
        {
            // Lone figures of neighbouring cells that tesseract glued come back with almost no confidence,
            // yet a column of them recurring in three or more rows is a column (its cells stay low-confidence).
            var recurring = Cluster(figures.Select(s => s.CentreX), height, 3).Where(x => columns.All(c => Math.Abs(c - x) > height)).ToList();
            if (recurring.Count > 0)
            {
                columns = columns.Concat(recurring).Order().ToList();
                confident.AddRange(figures.Where(s => recurring.Any(x => Math.Abs(x - s.CentreX) <= height)));
            }
        }
        var inColumns = confident.Where(s => columns.Any(c => Math.Abs(c - s.CentreX) <= height)).ToList();
        var numericLeft = inColumns.Count == 0 ? double.MaxValue : inColumns.Min(s => s.Left) - 0.3 * height;
        settings = settings with { WrappedLineGap = WrappedLineGap(regions, numericLeft, height, settings) };
        var reader = new TablePartReader(columns.Count == 0 ? [0] : columns, numericLeft, height, settings);
        var parts = regions.Select(reader.Read).ToList();

        var levels = GroupLevels(parts.SelectMany(p => p.Groups), height);
        var labelColumns = levels.Count + 1;
        var width = labelColumns + Math.Max(columns.Count, 1);
        var placements = new List<GridPlacement>();
        var pageStarts = new HashSet<int>();
        var partition = new GroupPartition(levels, settings.RecordConfidence);
        var rowIndex = 0;
        var tableHeader = parts.FirstOrDefault(p => p.HeaderRows.Count > 0);
        foreach (var part in parts)
        {
            if (part != parts[0]) pageStarts.Add(rowIndex);
            var repeated = part == tableHeader ? [] : ContinuationHeader.Repeated(tableHeader?.HeaderRows ?? [], part.HeaderRows);
            foreach (var header in part.HeaderRows.Except(repeated))
            {
                foreach (var block in header) placements.Add(HeaderPlacement(rowIndex, block, numericLeft, labelColumns, columns, reader, settings));
                rowIndex++;
            }
            var first = rowIndex;
            foreach (var row in part.Rows)
            {
                if (row.IsTextRow)
                {
                    foreach (var block in row.Texts) placements.Add(HeaderPlacement(rowIndex, block, numericLeft, labelColumns, columns, reader, settings));
                    rowIndex++;
                    continue;
                }
                var ownColumn = levels.Count(l => partition.Eligible(row, l));
                var label = row.Label?.Text ?? "";
                placements.Add(new GridPlacement(rowIndex, ownColumn, Cell(label, 1, labelColumns - ownColumn, row.Label?.Confidence, settings)));
                foreach (var (column, values) in row.Values)
                {
                    var text = string.Concat(values.OrderBy(v => v.Left).Select(v => reader.Number(v) ?? v.Text));
                    var cell = Cell(text, 1, 1, values.Min(v => v.Confidence), settings);
                    placements.Add(new GridPlacement(rowIndex, labelColumns + column, cell, part.Page, label, LayoutText.IsNumber(text)));
                }
                rowIndex++;
            }
            partition.Place(part, first, placements);
        }
        return GridWriter.Write(rowIndex, width, placements, pageStarts, numbers);
    }

    /// <summary>
    /// Narrow header cells right of every row label (自然人, 商业企业, 总计): they name figure columns even
    /// when a column's figures are all blank.
    /// </summary>
    private static List<LayoutSegment> ColumnHeaders(IReadOnlyList<TableRegion> regions, List<LayoutSegment> figures, double height)
    {
        // The header may sit alone at the foot of the page before the first row of figures.
        var first = regions.FirstOrDefault(r => r.Lines.Any(l => l.Segments.Any(figures.Contains)));
        if (first is null) return [];
        var figureLines = first.Lines.Where(l => l.Segments.Any(figures.Contains)).ToList();
        var numericLeft = figures.Min(s => s.Left);
        var labelRight = figureLines.SelectMany(l => l.Segments).Where(s => s.Right < numericLeft).Select(s => s.Right).DefaultIfEmpty(double.MinValue).Max();
        var top = figureLines.Min(l => l.Top);
        var headerLines = regions.TakeWhile(r => r != first).SelectMany(r => r.Lines).Concat(first.Lines.Where(l => l.Bottom < top));
        var narrow = headerLines.SelectMany(l => l.Segments)
            .Where(s => s.Left > labelRight + 0.5 * height && s.Right - s.Left <= 4 * height).ToList();
        // A header with another header below it spans several columns (申请人情况, 行政诉讼): it names none.
        return narrow.Where(s => !narrow.Any(t => t.Top > s.Bottom - 1 && Math.Min(t.Right, s.Right) > Math.Max(t.Left, s.Left))).ToList();
    }

    /// <summary>
    /// The spacing of wrapped lines inside one cell of this table, as a fraction of the line height. Figures are
    /// printed at the middle of their row's label: where a line of figures carries no label text of its own but
    /// has label lines just above and just below it in the same column, those two lines are one cell's, and their
    /// gap is the table's line spacing (LibreOffice sets cells with more leading than a text layer's default).
    /// The rows' own padding is wider, so the gap found (plus a little slack) still keeps rows apart.
    /// </summary>
    private static double WrappedLineGap(IReadOnlyList<TableRegion> regions, double numericLeft, double height, LayoutSettings settings)
    {
        var gaps = new List<double>();
        foreach (var region in regions)
        {
            var labels = region.Segments.Where(s => s.Right < numericLeft && !s.IsNumeric).ToList();
            foreach (var line in region.Lines.Where(l => l.Segments.Any(s => s.Left >= numericLeft && s.IsNumeric)))
            {
                var y = line.CentreY;
                foreach (var above in labels.Where(s => s.Bottom <= y && s.CentreY < line.Top))
                {
                    var below = labels.Where(s => s.Top >= y && s.CentreY > line.Bottom && Overlap(s, above) >= 0.2 * height)
                        .MinBy(s => s.Top);
                    if (below is null || below.Top - above.Bottom > height) continue;
                    // Nothing else of that column between them (the figure line's own label would be there).
                    if (labels.Any(s => s != above && s != below && Overlap(s, above) >= 0.2 * height && s.CentreY > above.CentreY && s.CentreY < below.CentreY)) continue;
                    gaps.Add(below.Top - above.Bottom);
                }
            }
        }
        if (gaps.Count == 0) return settings.WrappedLineGap;
        return Math.Max(settings.WrappedLineGap, LineGrouper.Median(gaps) / height + 0.15);
    }

    private static double Overlap(LayoutSegment a, LayoutSegment b) => Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);

    private static TableCell Cell(string text, int rowSpan, int columnSpan, double? confidence, LayoutSettings settings) =>
        new(text, rowSpan, columnSpan, settings.RecordConfidence ? Math.Round(confidence ?? 1.0, 3) : null);

    private static GridPlacement HeaderPlacement(int row, LabelBlock block, double numericLeft, int labelColumns,
        IReadOnlyList<double> columns, TablePartReader reader, LayoutSettings settings)
    {
        if (block.CentreX < numericLeft || columns.Count == 0)
            return new GridPlacement(row, 0, Cell(block.Text, 1, labelColumns, block.Confidence, settings));
        var spanned = Enumerable.Range(0, columns.Count).Where(i => columns[i] >= block.Left - 2 && columns[i] <= block.Right + 2).ToList();
        var start = spanned.Count > 0 ? spanned[0] : reader.Column(block.CentreX);
        return new GridPlacement(row, labelColumns + start, Cell(block.Text, 1, Math.Max(1, spanned.Count), block.Confidence, settings));
    }

    /// <summary>
    /// Level keys of group labels: their numbering rank when they have one, else their left edge. An unnumbered
    /// label printed in the column of a numbered level is a part of one of its labels cut by a page break (办理结果
    /// under 三、本年度 on the next page, 予公开 under （三）不): it joins that level, which carries it over the break,
    /// instead of opening a level of its own.
    /// </summary>
    private static List<GroupLevel> GroupLevels(IEnumerable<LabelBlock> groups, double height)
    {
        var levels = new List<GroupLevel>();
        var ordered = groups.OrderBy(g => g.Left).ToList();
        foreach (var group in ordered.Where(g => HeadingRank.Of(g.Text) is not null))
        {
            var rank = HeadingRank.Of(group.Text);
            Join(levels.FirstOrDefault(l => l.Rank == rank) ?? Add(new GroupLevel(rank, group.Left)), group);
        }
        var numbered = levels.ToList();
        foreach (var group in ordered.Where(g => HeadingRank.Of(g.Text) is null))
        {
            // Mostly inside the column of a numbered level's labels.
            double Inside(GroupLevel l) => Math.Min(l.Right, group.Right) - Math.Max(l.Left, group.Left);
            var column = numbered.Where(l => Inside(l) >= 0.5 * (group.Right - group.Left)).MaxBy(Inside);
            Join(column ?? levels.FirstOrDefault(l => l.Rank is null && Math.Abs(l.Left - group.Left) <= height) ?? Add(new GroupLevel(null, group.Left)), group);
        }
        return levels.OrderBy(l => l.Rank ?? 9).ThenBy(l => l.Left).ToList();

        GroupLevel Add(GroupLevel level)
        {
            levels.Add(level);
            return level;
        }

        static void Join(GroupLevel level, LabelBlock group)
        {
            level.Right = Math.Max(level.Right, group.Right);
            level.Members.Add(group);
        }
    }

    private static List<double> Cluster(IEnumerable<double> xs, double height, int support = 1)
    {
        var clusters = new List<List<double>>();
        foreach (var x in xs.OrderBy(x => x))
        {
            if (clusters.Count > 0 && x - clusters[^1].Average() <= height) clusters[^1].Add(x);
            else clusters.Add([x]);
        }
        return clusters.Where(c => c.Count >= support).Select(c => c.Average()).ToList();
    }
}
