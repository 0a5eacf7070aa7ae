namespace Crawler.Extraction.Ocr.Grid;

/// <summary>A ruled cell placed in its table's grid: the first row and column it covers and how many of each.</summary>
internal sealed record GridCell(CellBox Box, int Row, int Column, int RowSpan, int ColumnSpan);
