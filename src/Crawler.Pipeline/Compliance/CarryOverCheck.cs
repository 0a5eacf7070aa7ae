using Crawler.Pipeline.Storage;
using Crawler.Reports.CrossYear;
using Crawler.Reports.Json;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Compliance;

/// <summary>
/// CARRY_OVER_MISMATCH against what is stored. When a report is stored, its 上年结转 is checked against the
/// stored previous year's 结转下年度 (the finding is stored, indexed and alerted with the report). Reports
/// arrive in any order — last year's may be crawled after this year's, or corrected — so readers (compliance,
/// the status page) recompute the finding from the latest versions with <see cref="Refresh"/>.
/// </summary>
public sealed class CarryOverCheck(IReportStore store)
{
    public async Task<IReadOnlyList<Finding>> CheckAsync(string agency, int year, AnnualReport report, CancellationToken cancellationToken)
    {
        var stored = await store.ListVersionsAsync(new ReportFilter { Agency = agency, Year = year - 1, LatestOnly = true }, cancellationToken).ConfigureAwait(false);
        var previous = stored.FirstOrDefault(v => v.Agency == agency);
        return previous is null ? [] : CarryOverRule.Check(report, year, ReportJson.Deserialize(previous.ParsedJson).Report, year - 1);
    }

    /// <summary>
    /// <paramref name="versions"/> with their CARRY_OVER_MISMATCH findings recomputed against the latest version of the
    /// previous year among <paramref name="previousYears"/> (the same agency, year − 1); other findings untouched.
    /// </summary>
    public static IReadOnlyList<ReportVersionRecord> Refresh(IEnumerable<ReportVersionRecord> versions, IEnumerable<ReportVersionRecord> previousYears)
    {
        var latest = previousYears.Where(v => v.IsLatest).GroupBy(v => (v.Agency, v.Year)).ToDictionary(g => g.Key, g => g.First());
        // Only the two compared rows are read from the stored JSON (ReportJson.ReadRow), not whole reports: the overview of
        // 1,000 agencies refreshes 1,000 versions against 1,000 (docs/benchmarks.md, status page).
        var rows = new Dictionary<(long, string), IReadOnlyDictionary<string, decimal?>>();
        Func<string, decimal?> Row(ReportVersionRecord v, string row)
        {
            if (!rows.TryGetValue((v.VersionId, row), out var cells)) rows[(v.VersionId, row)] = cells = ReportJson.ReadRow(v.ParsedJson, ReportSchema.ApplicationsKey, row);
            return column => cells.GetValueOrDefault(column);
        }
        return versions.Select(version =>
        {
            var kept = version.Findings.Where(f => f.Code != CarryOverRule.Code);
            if (!latest.TryGetValue((version.Agency, version.Year - 1), out var previous)) return version with { Findings = [.. kept] };
            return version with
            {
                Findings = [.. kept, .. CarryOverRule.Check(Row(version, CarryOverRule.CarriedOverRow), version.Year, Row(previous, CarryOverRule.CarriedForwardRow), previous.Year)],
            };
        }).ToList();
    }
}
