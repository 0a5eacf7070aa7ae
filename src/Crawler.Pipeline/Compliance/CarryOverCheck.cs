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
        var parsed = new Dictionary<long, AnnualReport>();
        AnnualReport Report(ReportVersionRecord v) => parsed.TryGetValue(v.VersionId, out var r) ? r : parsed[v.VersionId] = ReportJson.Deserialize(v.ParsedJson).Report;
        return versions.Select(version =>
        {
            var kept = version.Findings.Where(f => f.Code != CarryOverRule.Code);
            if (!latest.TryGetValue((version.Agency, version.Year - 1), out var previous)) return version with { Findings = [.. kept] };
            return version with { Findings = [.. kept, .. CarryOverRule.Check(Report(version), version.Year, Report(previous), previous.Year)] };
        }).ToList();
    }
}
