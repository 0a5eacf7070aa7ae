using Crawler.Reports.Documents;

namespace Crawler.Extraction.Layout;

/// <summary>
/// Turns cells placed at grid positions into the HTML-like rows of <see cref="Table"/>: each row lists the
/// cells starting in it left to right, with a blank cell wherever nothing was printed, so that
/// <see cref="Table.ToGrid"/> puts every cell back in its own column.
/// </summary>
internal static class GridWriter
{
    public static Table Write(int rowCount, int columnCount, IEnumerable<GridPlacement> placements, ISet<int> pageStarts, List<RebuiltCell> numbers)
    {
        var covered = new bool[rowCount, columnCount];
        var starts = new Dictionary<(int, int), TableCell>();
        foreach (var p in placements.OrderBy(p => p.Row).ThenBy(p => p.Column))
        {
            if (covered[p.Row, p.Column]) continue;
            var rowSpan = Math.Max(1, Math.Min(p.Cell.RowSpan, rowCount - p.Row));
            var columnSpan = 1;
            while (columnSpan < p.Cell.ColumnSpan && p.Column + columnSpan < columnCount && !covered[p.Row, p.Column + columnSpan]) columnSpan++;
            for (var r = p.Row; r < p.Row + rowSpan; r++)
            {
                for (var c = p.Column; c < p.Column + columnSpan; c++) covered[r, c] = true;
            }
            var cell = p.Cell with { RowSpan = rowSpan, ColumnSpan = columnSpan };
            starts[(p.Row, p.Column)] = cell;
            if (p.Numeric) numbers.Add(new RebuiltCell(cell, p.Page, p.RowLabel ?? ""));
        }
        var rows = new List<TableRow>();
        for (var r = 0; r < rowCount; r++)
        {
            var cells = new List<TableCell>();
            for (var c = 0; c < columnCount; c++)
            {
                if (starts.TryGetValue((r, c), out var cell)) cells.Add(cell);
                else if (!covered[r, c]) cells.Add(new TableCell(""));
            }
            rows.Add(new TableRow(cells, pageStarts.Contains(r)));
        }
        return new Table(rows);
    }
}
