using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Compliance;

/// <summary>The compliance list of one year read from the store: the year's versions and last year's (for CARRY_OVER_MISMATCH).</summary>
public static class ComplianceQuery
{
    public static async Task<IReadOnlyList<ComplianceRow>> LoadAsync(IReportStore store, int year, IEnumerable<Source> sources, ComplianceDeadlines deadlines,
        CancellationToken cancellationToken)
    {
        var versions = await store.ListVersionsAsync(new ReportFilter { Year = year }, cancellationToken).ConfigureAwait(false);
        var previous = await store.ListVersionsAsync(new ReportFilter { Year = year - 1, LatestOnly = true }, cancellationToken).ConfigureAwait(false);
        return ComplianceList.Build(year, sources, CarryOverCheck.Refresh(versions, previous), deadlines);
    }
}
