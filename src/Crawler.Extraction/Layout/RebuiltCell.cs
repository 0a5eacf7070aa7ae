using Crawler.Reports.Documents;

namespace Crawler.Extraction.Layout;

/// <summary>A numeric cell of a rebuilt table with where it was printed, for OCR confidence findings.</summary>
public sealed record RebuiltCell(TableCell Cell, int Page, string RowLabel);
