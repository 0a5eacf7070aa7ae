using Crawler.Extraction.Ocr.Grid;

namespace Crawler.Extraction.Pdf.Lattice;

/// <summary>
/// Tables from the rulings a page draws (lattice): rulings that cross or touch form one table; its row lines are
/// its horizontal rulings and its column lines its vertical ones; where a table's border is not drawn (a page
/// break drops the bottom border; some styles leave the sides open) the ends of the other rulings close it. A
/// grid position joins its neighbour where the ruling between them is absent, which gives cells spanning rows
/// or columns. Every letter goes to the cell its centre falls in. A ruled figure needs at least two columns with an
/// inner vertical ruling (one row is enough: the first row of a table cut by a page break), else it is a frame or
/// a rule under a heading, and its letters stay
/// with the page's prose (and the word-position rebuilder, for tables drawn without rulings).
/// </summary>
internal static class LatticeReader
{
    /// <summary>How far (points) a ruling may stop short of the one it meets and still touch it.</summary>
    private const double Touch = 3.0;

    /// <summary>Row and column lines closer than this (points) are one line; a real row is never this thin.</summary>
    private const double MinCell = 4.0;

    public static List<LatticeTable> Read(PdfPageContent page)
    {
        var horizontal = RulingLines.Merge(page.Rulings, horizontal: true);
        var vertical = RulingLines.Merge(page.Rulings, horizontal: false);
        var tables = new List<LatticeTable>();
        var taken = new HashSet<PdfGlyph>();
        foreach (var (h, v) in Groups(horizontal, vertical))
        {
            if (Layout(h, v, page, taken) is { } table)
            {
                tables.Add(table);
                taken.UnionWith(table.Glyphs);
            }
        }
        return tables.OrderBy(t => t.Grid.Bounds.Top).ToList();
    }

    /// <summary>Rulings that cross or touch, transitively: one table each.</summary>
    private static List<(List<PdfRuling> H, List<PdfRuling> V)> Groups(List<PdfRuling> horizontal, List<PdfRuling> vertical)
    {
        var all = horizontal.Concat(vertical).ToList();
        var parent = Enumerable.Range(0, all.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        for (var i = 0; i < horizontal.Count; i++)
        {
            var h = horizontal[i];
            for (var j = 0; j < vertical.Count; j++)
            {
                var v = vertical[j];
                if (v.At >= h.From - Touch && v.At <= h.To + Touch && h.At >= v.From - Touch && h.At <= v.To + Touch)
                    parent[Root(i)] = Root(horizontal.Count + j);
            }
        }
        return Enumerable.Range(0, all.Count).GroupBy(Root)
            .Select(g => (g.Where(i => i < horizontal.Count).Select(i => all[i]).ToList(), g.Where(i => i >= horizontal.Count).Select(i => all[i]).ToList()))
            .Where(g => g.Item1.Count > 0 && g.Item2.Count > 0)
            .ToList();
    }

    private static LatticeTable? Layout(List<PdfRuling> h, List<PdfRuling> v, PdfPageContent page, HashSet<PdfGlyph> taken)
    {
        // Row lines: the horizontal rulings, plus where the vertical ones begin and end (a missing top or bottom border).
        var rows = Lines(h.Select(r => r.At).Concat([v.Min(r => r.From), v.Max(r => r.To)]));
        var columns = Lines(v.Select(r => r.At).Concat([h.Min(r => r.From), h.Max(r => r.To)]));
        if (rows.Count < 2 || columns.Count < 3) return null;
        var (rowCount, columnCount) = (rows.Count - 1, columns.Count - 1);
        // A vertical line inside the table's outline, drawn over some row: else it is a frame with rules, not a grid.
        var inner = v.Any(r => r.At > columns[0] + MinCell && r.At < columns[^1] - MinCell);
        if (!inner) return null;

        var slot = new int[rowCount, columnCount];
        var parent = Enumerable.Range(0, rowCount * columnCount).ToArray();
        int Root(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        for (var r = 0; r < rowCount; r++)
        {
            var middle = (rows[r] + rows[r + 1]) / 2;
            for (var c = 0; c < columnCount; c++)
            {
                var centre = (columns[c] + columns[c + 1]) / 2;
                if (c + 1 < columnCount && !Covers(v, columns[c + 1], middle, rows[r + 1] - rows[r]))
                    parent[Root(r * columnCount + c)] = Root(r * columnCount + c + 1);
                if (r + 1 < rowCount && !Covers(h, rows[r + 1], centre, columns[c + 1] - columns[c]))
                    parent[Root(r * columnCount + c)] = Root((r + 1) * columnCount + c);
            }
        }
        var groups = Enumerable.Range(0, rowCount * columnCount).GroupBy(Root).OrderBy(g => g.Min()).ToList();
        var covered = new bool[rowCount, columnCount];
        var cells = new List<GridCell>();
        foreach (var group in groups)
        {
            var (top, bottom) = (group.Min(i => i / columnCount), group.Max(i => i / columnCount) + 1);
            var (left, right) = (group.Min(i => i % columnCount), group.Max(i => i % columnCount) + 1);
            if (Covered(covered, top, bottom, left, right))
            {
                // An L-shaped region (rulings that stop mid-cell): its positions become cells of their own.
                foreach (var i in group.Where(i => !covered[i / columnCount, i % columnCount]))
                    cells.Add(Place(covered, rows, columns, i / columnCount, i / columnCount + 1, i % columnCount, i % columnCount + 1));
                continue;
            }
            cells.Add(Place(covered, rows, columns, top, bottom, left, right));
        }
        var bounds = Box(columns[0], rows[0], columns[^1], rows[^1]);
        var grid = new RuledTable(cells.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList(), rowCount, columnCount, bounds,
            columns.Select(Units).ToList(), rows.Select(Units).ToList());

        var texts = new Dictionary<GridCell, CellReading>();
        var used = new HashSet<PdfGlyph>();
        var byCell = new Dictionary<GridCell, List<PdfGlyph>>();
        foreach (var glyph in page.Glyphs)
        {
            if (taken.Contains(glyph)) continue;
            var (x, y) = (glyph.CentreX, glyph.CentreY);
            if (x < columns[0] || x > columns[^1] || y < rows[0] || y > rows[^1]) continue;
            var (r, c) = (Index(rows, y), Index(columns, x));
            var cell = grid.Cells.First(g => r >= g.Row && r < g.Row + g.RowSpan && c >= g.Column && c < g.Column + g.ColumnSpan);
            if (!byCell.TryGetValue(cell, out var list)) byCell[cell] = list = [];
            list.Add(glyph);
            used.Add(glyph);
        }
        foreach (var (cell, glyphs) in byCell)
        {
            var text = CellText.Join(glyphs);
            if (text.Length > 0) texts[cell] = new CellReading(text, 1.0);
        }
        return new LatticeTable(grid, texts, used);
    }

    /// <summary>Whether a ruling runs along <paramref name="at"/> across the middle of a row or column <paramref name="span"/> long.</summary>
    private static bool Covers(List<PdfRuling> rulings, double at, double middle, double span)
    {
        var reach = Math.Max(1, span * 0.25);
        return rulings.Any(r => Math.Abs(r.At - at) <= RulingLines.SameLine && r.From <= middle - reach + Touch && r.To >= middle + reach - Touch);
    }

    private static GridCell Place(bool[,] covered, List<double> rows, List<double> columns, int top, int bottom, int left, int right)
    {
        for (var r = top; r < bottom; r++)
            for (var c = left; c < right; c++) covered[r, c] = true;
        return new GridCell(Box(columns[left], rows[top], columns[right], rows[bottom]), top, left, bottom - top, right - left);
    }

    private static bool Covered(bool[,] covered, int top, int bottom, int left, int right)
    {
        for (var r = top; r < bottom; r++)
            for (var c = left; c < right; c++)
                if (covered[r, c]) return true;
        return false;
    }

    /// <summary>Positions clustered: lines closer than <see cref="MinCell"/> are one.</summary>
    private static List<double> Lines(IEnumerable<double> positions)
    {
        var clusters = new List<List<double>>();
        foreach (var p in positions.Order())
        {
            if (clusters.Count > 0 && p - clusters[^1][^1] < MinCell) clusters[^1].Add(p);
            else clusters.Add([p]);
        }
        return clusters.Select(c => c.Average()).ToList();
    }

    /// <summary>The band [lines[i], lines[i+1]) holding <paramref name="at"/>.</summary>
    private static int Index(List<double> lines, double at)
    {
        for (var i = 1; i < lines.Count - 1; i++)
        {
            if (at < lines[i]) return i - 1;
        }
        return lines.Count - 2;
    }

    private static int Units(double points) => (int)Math.Round(points * LatticeTable.Scale);

    private static CellBox Box(double left, double top, double right, double bottom) => new(Units(left), Units(top), Units(right), Units(bottom));
}
