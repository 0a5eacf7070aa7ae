using Crawler.Reports.Validation;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// A page whose ruled tables were read cell by cell: the tables, the straightened page with those tables
/// whitened (its prose still to be OCR'd), and a LOW_CONFIDENCE finding per doubtful cell.
/// </summary>
internal sealed record GridPage(IReadOnlyList<PlacedTable> Tables, GrayImage Prose, IReadOnlyList<Finding> Findings);
