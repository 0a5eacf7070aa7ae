using Crawler.Extraction.Layout;
using Crawler.Reports.Documents;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// Joins a table cut by a page break into one table with one grid: the last table of a page that reaches
/// its lower part and the first table of the next page that starts near its top, as wide as each other,
/// are one table when laid out on the union of their column boundaries (the scan shifts each page a
/// little, so the next page's boundaries are moved by the difference of the tables' left edges). One grid
/// lets the parser place a lone figure of a row on the new page under its header on the previous page.
/// A header cell cut in two by the break (自然 / 人) becomes one cell again.
/// </summary>
internal static class PageBreakJoiner
{
    /// <summary>One table per joined run, in order; a table absorbed into the one before it is null (its placeholder is dropped).</summary>
    public static List<Table?> Join(IReadOnlyList<PlacedTable> tables, int dpi)
    {
        var output = new List<Table?>();
        var run = new List<PlacedTable>();
        for (var i = 0; i < tables.Count; i++)
        {
            if (run.Count > 0 && !Continues(tables, i, dpi)) Flush();
            run.Add(tables[i]);
        }
        Flush();
        return output;

        void Flush()
        {
            if (run.Count == 0) return;
            output.Add(run.Count == 1 ? GridTableWriter.Write(run[0].Grid, run[0].Readings) : Write(run, dpi));
            for (var k = 1; k < run.Count; k++) output.Add(null);
            run.Clear();
        }
    }

    private static bool Continues(IReadOnlyList<PlacedTable> tables, int i, int dpi)
    {
        var (before, after) = (tables[i - 1], tables[i]);
        var nextPage = after.Page == before.Page + 1;
        var (a, b) = (before.Grid.Bounds, after.Grid.Bounds);
        return nextPage && before.EndsPage && after.StartsPage
            && a.Bottom > before.PageHeight * 0.6 && b.Top < after.PageHeight * 0.3
            && Math.Abs(a.Width - b.Width) <= dpi / 10 && Math.Abs(a.Left - b.Left) <= dpi / 2;
    }

    private static Table Write(List<PlacedTable> run, int dpi)
    {
        var shifts = run.Select(p => run[0].Grid.Bounds.Left - p.Grid.Bounds.Left).ToList();
        var columns = RuledTableFinder.Boundaries(run.SelectMany((p, k) => p.Grid.ColumnEdges.Select(x => x + shifts[k])), dpi / 16);
        var rowOffset = 0;
        var cells = new List<(GridCell Cell, CellReading? Reading)>();
        var pageStarts = new HashSet<int>();
        for (var k = 0; k < run.Count; k++)
        {
            var grid = run[k].Grid;
            var part = new List<(GridCell Cell, CellReading? Reading)>();
            foreach (var cell in grid.Cells)
            {
                var left = RuledTableFinder.Nearest(columns, grid.ColumnEdges[cell.Column] + shifts[k]);
                var right = Math.Max(left + 1, RuledTableFinder.Nearest(columns, grid.ColumnEdges[cell.Column + cell.ColumnSpan] + shifts[k]));
                part.Add((cell with { Column = left, ColumnSpan = right - left }, run[k].Readings.TryGetValue(cell, out var read) ? read : null));
            }
            var repeated = k == 0 ? 0 : RepeatedHeaderRows(cells, part, grid.Rows);
            var rows = grid.Rows - repeated;
            if (rows <= 0) continue;
            cells.AddRange(part.Where(c => c.Cell.Row >= repeated).Select(c => (c.Cell with { Row = c.Cell.Row - repeated + rowOffset }, c.Reading)));
            if (k > 0)
            {
                pageStarts.Add(rowOffset);
                RejoinCutCells(cells, rowOffset);
            }
            rowOffset += rows;
        }
        return Build(cells, rowOffset, columns.Count - 1, pageStarts);
    }

    /// <summary>
    /// How many of the new page's first rows repeat the table's first rows (a header repeated on every page, as
    /// Word and WPS do for a header row): the same texts in the same columns, with letters and without figures.
    /// </summary>
    private static int RepeatedHeaderRows(List<(GridCell Cell, CellReading? Reading)> table, List<(GridCell Cell, CellReading? Reading)> part, int partRows)
    {
        string Row(IEnumerable<(GridCell Cell, CellReading? Reading)> cells, int row) => string.Join("|", cells
            .Where(c => c.Cell.Row == row).OrderBy(c => c.Cell.Column)
            .Select(c => $"{c.Cell.Column}:{c.Cell.ColumnSpan}:{LayoutText.Compact(c.Reading?.Text ?? "")}"));
        var repeated = 0;
        while (repeated < partRows - 1)
        {
            var printed = Row(part, repeated);
            var texts = part.Where(c => c.Cell.Row == repeated).Select(c => c.Reading?.Text ?? "").ToList();
            if (printed.Length == 0 || printed != Row(table, repeated) || texts.All(t => LayoutText.CountCjkLetters(t) == 0) || texts.Any(LayoutText.IsNumber)) break;
            repeated++;
        }
        // A header cell spanning into the rows below the repeat is not a clean repeat: keep them all.
        return part.Any(c => c.Cell.Row < repeated && c.Cell.Row + c.Cell.RowSpan > repeated) ? 0 : repeated;
    }

    /// <summary>
    /// A cell of the new page's first row that continues a cell cut by the break, in the same columns: empty (a
    /// group label or header printed on the previous page, 三、本年度办理结果), one or two letters (自然 / 人), or the
    /// rest of a group label with the row's own label to its right ((四)无 / 法提供 beside 2.没有现成信息…). The cut
    /// cell gets the rest of the text and spans the rows below the break too.
    /// </summary>
    private static void RejoinCutCells(List<(GridCell Cell, CellReading? Reading)> cells, int firstRow)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var (tail, tailReading) = cells[i];
            if (tail.Row != firstRow) continue;
            var head = cells.FindIndex(c => c.Cell.Row + c.Cell.RowSpan == firstRow && c.Cell.Column == tail.Column && c.Cell.ColumnSpan == tail.ColumnSpan
                && c.Reading is { } r && LayoutText.CountCjkLetters(r.Text) > 0);
            if (head < 0 || !Continues(cells, tail, tailReading)) continue;
            var (headCell, headReading) = cells[head];
            var text = tailReading is null ? headReading!.Text : headReading!.Text + tailReading.Text;
            var confidence = tailReading is null ? headReading.Confidence : Math.Min(headReading.Confidence, tailReading.Confidence);
            cells[head] = (headCell with { RowSpan = tail.Row + tail.RowSpan - headCell.Row }, headReading with { Text = text, Confidence = confidence });
            cells.RemoveAt(i);
            if (head > i) head--;
            i--;
        }
    }

    private static bool Continues(List<(GridCell Cell, CellReading? Reading)> cells, GridCell tail, CellReading? reading)
    {
        if (reading is null || reading.Text.Length == 0) return true;
        var text = reading.Text;
        if (text.Length <= 2 && LayoutText.CountCjkLetters(text) == text.Length) return true;
        if (LayoutText.CountCjkLetters(text) == 0 || HeadingRank.Of(text) is not null || LayoutText.IsNumber(text)) return false;
        return cells.Any(c => c.Cell.Row == tail.Row && c.Cell.Column >= tail.Column + tail.ColumnSpan
            && c.Reading is { } r && LayoutText.CountCjkLetters(r.Text) > 0 && !LayoutText.IsNumber(r.Text));
    }

    private static Table Build(List<(GridCell Cell, CellReading? Reading)> cells, int rows, int columns, IReadOnlySet<int> pageStarts)
    {
        var covered = new bool[rows, columns];
        var byRow = new List<(int Column, TableCell Cell)>[rows];
        for (var r = 0; r < rows; r++) byRow[r] = [];
        foreach (var (cell, reading) in cells.OrderBy(c => c.Cell.Row).ThenBy(c => c.Cell.Column))
        {
            if (Overlaps(covered, cell)) continue;
            for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
                for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++) covered[r, c] = true;
            byRow[cell.Row].Add((cell.Column, reading is null
                ? new TableCell("", cell.RowSpan, cell.ColumnSpan)
                : new TableCell(reading.Text, cell.RowSpan, cell.ColumnSpan, reading.Confidence)));
        }
        // Where one page has a column boundary the other has not, a cell of the other spans both columns; a
        // position still uncovered gets an empty cell so that every row keeps its columns.
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                if (!covered[r, c]) byRow[r].Add((c, new TableCell("")));
        return new Table(byRow.Select((row, r) => new TableRow(row.OrderBy(x => x.Column).Select(x => x.Cell).ToList(), pageStarts.Contains(r))).ToList());
    }

    private static bool Overlaps(bool[,] covered, GridCell cell)
    {
        for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
            for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                if (r >= covered.GetLength(0) || c >= covered.GetLength(1) || covered[r, c]) return true;
        return false;
    }
}
