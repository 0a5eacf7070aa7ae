namespace Crawler.Pipeline.Storage;

/// <summary>Sums across agencies for the status page's overview charts, computed where the figures are stored.</summary>
public interface IReportStatistics
{
    /// <summary>Per report year, over each report's latest version: how many reports, and the sum of each figure (empty cells skipped).</summary>
    Task<IReadOnlyList<YearTotals>> YearTotalsAsync(IReadOnlyList<string> figureKeys, CancellationToken cancellationToken);
}
