using Crawler.Reports.Documents;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>A table read cell by cell from a page, with where it sits on the straightened page (for reading order).</summary>
internal sealed record PlacedTable(Table Table, CellBox Bounds);
