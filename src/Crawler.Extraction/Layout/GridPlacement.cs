using Crawler.Reports.Documents;

namespace Crawler.Extraction.Layout;

/// <summary>A cell put at a grid position, spanning rows and columns from there; numbers remember their page and row label.</summary>
internal sealed record GridPlacement(int Row, int Column, TableCell Cell, int Page = 0, string? RowLabel = null, bool Numeric = false);
