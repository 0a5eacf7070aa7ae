namespace Crawler.Extraction.Ocr.Grid;

/// <summary>One ruled table of a page: its cells in the grid (every grid position covered once) and its outline in pixels.</summary>
internal sealed record RuledTable(IReadOnlyList<GridCell> Cells, int Rows, int Columns, CellBox Bounds);
