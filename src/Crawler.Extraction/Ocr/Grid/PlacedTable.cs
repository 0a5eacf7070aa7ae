namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// A table read cell by cell from a page: its grid, what each cell read, and where it sits on its
/// straightened page (for reading order and for joining a table cut by a page break). <paramref name="EndsPage"/> and
/// <paramref name="StartsPage"/> say that nothing but page furniture is printed below or above it (a text layer
/// knows; a scan's reader leaves them true and goes by the table's position alone).
/// </summary>
internal sealed record PlacedTable(RuledTable Grid, IReadOnlyDictionary<GridCell, CellReading> Readings, int Page, int PageHeight,
    bool EndsPage = true, bool StartsPage = true);
