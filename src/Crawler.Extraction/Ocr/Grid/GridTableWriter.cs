using Crawler.Reports.Documents;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>A laid-out ruled table and its cells' readings as a format-neutral table, spans as in HTML.</summary>
internal static class GridTableWriter
{
    public static Table Write(RuledTable table, IReadOnlyDictionary<GridCell, CellReading> readings)
    {
        var rows = new List<TableRow>();
        for (var r = 0; r < table.Rows; r++)
        {
            var cells = table.Cells.Where(c => c.Row == r).OrderBy(c => c.Column)
                .Select(c => readings.TryGetValue(c, out var read)
                    ? new TableCell(read.Text, c.RowSpan, c.ColumnSpan, read.Confidence)
                    : new TableCell("", c.RowSpan, c.ColumnSpan))
                .ToList();
            rows.Add(new TableRow(cells));
        }
        return new Table(rows);
    }
}
