using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Compliance;

/// <summary>
/// Builds the February check of a supervising office: for every watched agency, whether its report for the
/// year was found by the deadline (31 January of the next year by default), whether it uses the 2021 template,
/// and which consistency rules its figures break. Pure: sources and stored versions in, rows out.
/// </summary>
public static class ComplianceList
{
    private static readonly HashSet<string> RuleCodes =
        [FindingCodes.T3Balance, FindingCodes.T3RowTotal, FindingCodes.T3ResultTotal, FindingCodes.T4GroupTotal];

    public static DateTimeOffset DefaultDeadline(int year) =>
        // 条例 第四十九条: by 31 January of the following year, Beijing time.
        new(year + 1, 2, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static IReadOnlyList<ComplianceRow> Build(int year, IEnumerable<Source> sources, IEnumerable<ReportVersionRecord> versions, DateTimeOffset deadline)
    {
        var byReport = versions.Where(v => v.Year == year).GroupBy(v => v.SourceId).ToDictionary(g => g.Key, g => g.ToList());
        var rows = new List<ComplianceRow>();
        var seen = new HashSet<string>();
        foreach (var source in sources)
        {
            seen.Add(source.Id);
            rows.Add(byReport.TryGetValue(source.Id, out var found)
                ? Row(source.Agency, source.Id, year, found, deadline)
                : new ComplianceRow(source.Agency, source.Id, year, ComplianceStatus.Missing));
        }
        // Reports of sources no longer configured still count: the office sees them rather than a silent gap.
        foreach (var (sourceId, found) in byReport.Where(r => !seen.Contains(r.Key)))
        {
            rows.Add(Row(found[0].Agency, sourceId, year, found, deadline));
        }
        return rows.OrderBy(r => r.Status == ComplianceStatus.Published ? 1 : 0).ThenBy(r => r.Agency, StringComparer.Ordinal).ToList();
    }

    private static ComplianceRow Row(string agency, string sourceId, int year, List<ReportVersionRecord> versions, DateTimeOffset deadline)
    {
        var latest = versions.OrderByDescending(v => v.Version).First();
        var firstFound = versions.Min(v => v.FetchedAt);
        return new ComplianceRow(latest.Agency, sourceId, year, firstFound < deadline ? ComplianceStatus.Published : ComplianceStatus.FoundAfterDeadline)
        {
            FirstFoundAt = firstFound,
            Template = latest.Template,
            Versions = versions.Count,
            DocumentUrl = latest.DocumentUrl,
            RuleViolations = latest.Findings.Where(f => RuleCodes.Contains(f.Code)).ToList(),
            OtherFindings = latest.Findings.Where(f => !RuleCodes.Contains(f.Code)).ToList(),
        };
    }
}
