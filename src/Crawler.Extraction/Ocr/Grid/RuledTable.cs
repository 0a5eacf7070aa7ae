namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// One ruled table of a page: its cells in the grid (every grid position covered once), its outline in
/// pixels, and the x of each column boundary and the y of each row boundary (Columns + 1 and Rows + 1 of them).
/// </summary>
internal sealed record RuledTable(IReadOnlyList<GridCell> Cells, int Rows, int Columns, CellBox Bounds,
    IReadOnlyList<int> ColumnEdges, IReadOnlyList<int> RowEdges);
