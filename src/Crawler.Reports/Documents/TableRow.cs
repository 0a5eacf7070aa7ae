namespace Crawler.Reports.Documents;

/// <summary>
/// One printed row. <paramref name="StartsPage"/> marks the first row after a page break
/// (column positions on a new page cannot be trusted to match the previous page's).
/// </summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, bool StartsPage = false);
