namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// A table read cell by cell from a page: its grid, what each cell read, and where it sits on its
/// straightened page (for reading order and for joining a table cut by a page break).
/// </summary>
internal sealed record PlacedTable(RuledTable Grid, IReadOnlyDictionary<GridCell, CellReading> Readings, int Page, int PageHeight);
