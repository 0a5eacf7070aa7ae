using Crawler.Reports.Documents;

namespace Crawler.Reports.Parsing;

/// <summary>
/// One row of a located table as a grid line of classified cells. <see cref="Page"/> counts page breaks
/// from the table's start: column positions are only comparable between lines of the same page.
/// </summary>
internal sealed class GridLine
{
    public GridLine(CellToken[] cells, int page)
    {
        Cells = cells;
        Page = page;
        LastLabel = Array.FindLastIndex(cells, c => c.Kind == CellKind.Label);
        ValueCount = cells.Count(c => c.IsValue);
    }

    public CellToken[] Cells { get; }

    public int Page { get; }

    /// <summary>Index of the last label cell (the row's own label; earlier ones are group labels), or -1.</summary>
    public int LastLabel { get; }

    public int ValueCount { get; }

    /// <summary>The lowest OCR confidence of the line's figures, or null when none came from OCR.</summary>
    public double? LowestValueConfidence => Cells.Where(c => c.IsValue && c.Confidence is not null).Select(c => c.Confidence).Min();

    public string Label => LastLabel >= 0 ? Cells[LastLabel].Text : "";

    public bool HasLabel => LastLabel >= 0;

    /// <summary>The text of every cell, for keyword searches.</summary>
    public IEnumerable<string> Texts => Cells.Where(c => c.Kind == CellKind.Label).Select(c => c.Text);

    /// <summary>The grid lines of one or more tables, in order; each further table starts a new page.</summary>
    public static List<GridLine> From(IEnumerable<Table> tables)
    {
        var lines = new List<GridLine>();
        var page = 0;
        foreach (var table in tables)
        {
            if (lines.Count > 0) page++;
            // Text dumps have no spans: their rows are already the grid, and ToGrid's padding is not needed.
            var grid = HasSpans(table) ? table.ToGrid() : null;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                // A grid with spans was rebuilt as one table across its pages (a PDF's page-crossing table):
                // its positions hold on every page. Only span-less text dumps restart their columns per page.
                if (r > 0 && table.Rows[r].StartsPage && grid is null) page++;
                IReadOnlyList<TableCell?> row = grid is null ? (IReadOnlyList<TableCell?>)table.Rows[r].Cells : grid[r];
                var cells = new CellToken[row.Count];
                // ToGrid repeats a column-spanning cell at every position it covers; it is one printed
                // value (HTML colspan="3" on 行政许可's single figure), not three.
                for (var c = 0; c < row.Count; c++)
                {
                    var repeated = c > 0 && ReferenceEquals(row[c], row[c - 1]);
                    cells[c] = CellToken.Read(repeated ? null : row[c]?.Text) with { Confidence = repeated ? null : row[c]?.Confidence };
                }
                if (cells.Length > 0) lines.Add(new GridLine(cells, page));
            }
        }
        return lines;
    }

    private static bool HasSpans(Table table)
    {
        foreach (var row in table.Rows)
            foreach (var cell in row.Cells)
                if (cell.RowSpan > 1 || cell.ColumnSpan > 1) return true;
        return false;
    }
}
