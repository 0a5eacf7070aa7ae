namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// Groups the cells of a page into tables (cells separated by no more than a ruling touch) and lays each
/// out as a grid: every cell edge belongs to a ruling, so the left and right edges of all cells, clustered,
/// are the column boundaries (top and bottom edges the row boundaries), and a merged cell spans the
/// boundaries it lies across. A table needs two rows or two columns; a lone box is a frame, not a table.
/// </summary>
internal static class RuledTableFinder
{
    public static List<RuledTable> Find(IReadOnlyList<CellBox> cells, int rulingGap)
    {
        var groups = Group(cells, rulingGap);
        var tables = new List<RuledTable>();
        foreach (var group in groups)
        {
            if (Layout(group, rulingGap) is { } table && (table.Rows >= 2 || table.Columns >= 2)) tables.Add(table);
        }
        return tables.OrderBy(t => t.Bounds.Top).ToList();
    }

    private static List<List<CellBox>> Group(IReadOnlyList<CellBox> cells, int gap)
    {
        var parent = Enumerable.Range(0, cells.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        for (var i = 0; i < cells.Count; i++)
        {
            for (var j = i + 1; j < cells.Count; j++)
            {
                if (Touch(cells[i], cells[j], gap)) parent[Root(i)] = Root(j);
            }
        }
        return Enumerable.Range(0, cells.Count).GroupBy(Root).Select(g => g.Select(i => cells[i]).ToList()).ToList();
    }

    private static bool Touch(CellBox a, CellBox b, int gap) =>
        a.Left - gap < b.Right && b.Left - gap < a.Right && a.Top - gap < b.Bottom && b.Top - gap < a.Bottom;

    private static RuledTable? Layout(List<CellBox> cells, int gap)
    {
        var columns = Boundaries(cells.SelectMany(c => new[] { c.Left, c.Right }), gap);
        var rows = Boundaries(cells.SelectMany(c => new[] { c.Top, c.Bottom }), gap);
        var (columnCount, rowCount) = (columns.Count - 1, rows.Count - 1);
        if (columnCount < 1 || rowCount < 1) return null;
        var placed = new List<GridCell>();
        var covered = new bool[rowCount, columnCount];
        foreach (var cell in cells.OrderBy(c => c.Top).ThenBy(c => c.Left))
        {
            var (column, right) = (Nearest(columns, cell.Left), Nearest(columns, cell.Right));
            var (row, bottom) = (Nearest(rows, cell.Top), Nearest(rows, cell.Bottom));
            if (right <= column || bottom <= row || Covered(covered, row, bottom, column, right)) continue;
            for (var r = row; r < bottom; r++)
                for (var c = column; c < right; c++) covered[r, c] = true;
            placed.Add(new GridCell(cell, row, column, bottom - row, right - column));
        }
        // Positions no cell covers (a cell whose ruling is broken leaks into the page around the table and is
        // lost) become one cell per run along the row, boxed by the grid, so that its text is still read.
        for (var r = 0; r < rowCount; r++)
        {
            for (var c = 0; c < columnCount; c++)
            {
                if (covered[r, c]) continue;
                var end = c;
                while (end < columnCount && !covered[r, end]) covered[r, end++] = true;
                var box = new CellBox(columns[c], rows[r], columns[end], rows[r + 1]);
                placed.Add(new GridCell(box, r, c, 1, end - c));
            }
        }
        var bounds = new CellBox(cells.Min(c => c.Left), cells.Min(c => c.Top), cells.Max(c => c.Right), cells.Max(c => c.Bottom));
        return new RuledTable(placed.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList(), rowCount, columnCount, bounds, columns, rows);
    }

    private static bool Covered(bool[,] covered, int row, int bottom, int column, int right)
    {
        for (var r = row; r < bottom; r++)
            for (var c = column; c < right; c++)
                if (covered[r, c]) return true;
        return false;
    }

    /// <summary>Edge positions clustered: edges closer than a ruling's width apart are the two sides of one ruling.</summary>
    internal static List<int> Boundaries(IEnumerable<int> edges, int gap)
    {
        var sorted = edges.Order().ToList();
        var clusters = new List<List<int>>();
        foreach (var edge in sorted)
        {
            if (clusters.Count > 0 && edge - clusters[^1][^1] <= gap) clusters[^1].Add(edge);
            else clusters.Add([edge]);
        }
        return clusters.Select(c => (int)Math.Round(c.Average())).ToList();
    }

    internal static int Nearest(List<int> boundaries, int edge)
    {
        var best = 0;
        for (var i = 1; i < boundaries.Count; i++)
        {
            if (Math.Abs(boundaries[i] - edge) < Math.Abs(boundaries[best] - edge)) best = i;
        }
        return best;
    }
}
