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
        return nextPage
            && a.Bottom > before.PageHeight * 0.6 && b.Top < after.PageHeight * 0.3
            && Math.Abs(a.Width - b.Width) <= dpi / 10 && Math.Abs(a.Left - b.Left) <= dpi / 2;
    }

    private static Table Write(List<PlacedTable> run, int dpi)
    {
        var shifts = run.Select(p => run[0].Grid.Bounds.Left - p.Grid.Bounds.Left).ToList();
        var columns = RuledTableFinder.Boundaries(run.SelectMany((p, k) => p.Grid.ColumnEdges.Select(x => x + shifts[k])), dpi / 16);
        var rowOffset = 0;
        var cells = new List<(GridCell Cell, CellReading? Reading)>();
        for (var k = 0; k < run.Count; k++)
        {
            var grid = run[k].Grid;
            foreach (var cell in grid.Cells)
            {
                var left = RuledTableFinder.Nearest(columns, grid.ColumnEdges[cell.Column] + shifts[k]);
                var right = Math.Max(left + 1, RuledTableFinder.Nearest(columns, grid.ColumnEdges[cell.Column + cell.ColumnSpan] + shifts[k]));
                var placed = cell with { Row = cell.Row + rowOffset, Column = left, ColumnSpan = right - left };
                cells.Add((placed, run[k].Readings.TryGetValue(cell, out var read) ? read : null));
            }
            if (k > 0) RejoinCutCells(cells, rowOffset);
            rowOffset += grid.Rows;
        }
        return Build(cells, rowOffset, columns.Count - 1);
    }

    /// <summary>A cell of the new page's first row holding one or two letters under a labelled cell of the previous row: the tail of a cut label.</summary>
    private static void RejoinCutCells(List<(GridCell Cell, CellReading? Reading)> cells, int firstRow)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var (tail, tailReading) = cells[i];
            if (tail.Row != firstRow || tailReading is not { } read || read.Text.Length > 2 || LayoutText.CountCjkLetters(read.Text) != read.Text.Length) continue;
            var head = cells.FindIndex(c => c.Cell.Row + c.Cell.RowSpan == firstRow && c.Cell.Column == tail.Column && c.Cell.ColumnSpan == tail.ColumnSpan
                && c.Reading is { } r && LayoutText.CountCjkLetters(r.Text) > 0);
            if (head < 0) continue;
            var headReading = cells[head].Reading!;
            cells[head] = (cells[head].Cell, headReading with { Text = headReading.Text + read.Text, Confidence = Math.Min(headReading.Confidence, read.Confidence) });
            cells[i] = (tail, null);
        }
    }

    private static Table Build(List<(GridCell Cell, CellReading? Reading)> cells, int rows, int columns)
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
        return new Table(byRow.Select(row => new TableRow(row.OrderBy(x => x.Column).Select(x => x.Cell).ToList())).ToList());
    }

    private static bool Overlaps(bool[,] covered, GridCell cell)
    {
        for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
            for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                if (r >= covered.GetLength(0) || c >= covered.GetLength(1) || covered[r, c]) return true;
        return false;
    }
}
