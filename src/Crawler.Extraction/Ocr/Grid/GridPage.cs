using Crawler.Reports.Model;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// A page whose ruled tables were read cell by cell: the tables and a LOW_CONFIDENCE finding per doubtful
/// cell. The page's image file then holds the straightened page with those tables whitened (its prose is
/// still to be OCR'd).
/// </summary>
internal sealed record GridPage(IReadOnlyList<PlacedTable> Tables, IReadOnlyList<Finding> Findings);
