using Crawler.Reports.Documents;

namespace Crawler.Extraction.Layout;

/// <summary>The rebuilt document and, for OCR findings, every figure cell with its page and row label.</summary>
public sealed record RebuiltDocument(ReportDocument Document, IReadOnlyList<RebuiltCell> Figures);
