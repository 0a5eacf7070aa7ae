namespace Crawler.Reports.Documents;

/// <summary>
/// A table as printed. Each row lists the cells that start in it, left to right, like HTML:
/// a cell spanning rows appears only in its first row. <see cref="ToGrid"/> expands the spans.
/// </summary>
public sealed record Table(IReadOnlyList<TableRow> Rows) : DocumentBlock
{
    /// <summary>
    /// A rectangular grid in which every position holds the cell covering it (the same
    /// <see cref="TableCell"/> instance repeats across its span), or null where no cell was printed.
    /// </summary>
    public TableCell?[][] ToGrid()
    {
        var occupied = new List<TableCell?[]>();
        var width = 0;
        for (var r = 0; r < Rows.Count; r++)
        {
            EnsureRow(occupied, r, width);
            var column = 0;
            foreach (var cell in Rows[r].Cells)
            {
                while (column < occupied[r].Length && occupied[r][column] is not null) column++;
                var rowSpan = Math.Max(1, cell.RowSpan);
                var columnSpan = Math.Max(1, cell.ColumnSpan);
                for (var dr = 0; dr < rowSpan && r + dr < Rows.Count; dr++)
                {
                    EnsureRow(occupied, r + dr, column + columnSpan);
                    for (var dc = 0; dc < columnSpan; dc++) occupied[r + dr][column + dc] = cell;
                }
                column += columnSpan;
                width = Math.Max(width, column);
            }
        }
        return occupied.Select(row => row.Length == width ? row : Pad(row, width)).ToArray();
    }

    private static void EnsureRow(List<TableCell?[]> grid, int row, int minWidth)
    {
        while (grid.Count <= row) grid.Add(Array.Empty<TableCell?>());
        if (grid[row].Length < minWidth) grid[row] = Pad(grid[row], minWidth);
    }

    private static TableCell?[] Pad(TableCell?[] row, int width)
    {
        var padded = new TableCell?[width];
        Array.Copy(row, padded, Math.Min(row.Length, width));
        return padded;
    }
}
