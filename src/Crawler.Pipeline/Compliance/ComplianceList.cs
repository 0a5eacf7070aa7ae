using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Reports.CrossYear;
using Crawler.Reports.Publication;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Compliance;

/// <summary>
/// The February check of a supervising office: for every agency under supervision, whether its report on the
/// year was published by its due date — judged by the report's own publication date, not by when the crawler
/// found it — in the standard format, with figures that add up. Pure: sources and stored versions in, rows out.
/// </summary>
public static class ComplianceList
{
    private static readonly HashSet<string> RuleCodes =
        [FindingCodes.T3Balance, FindingCodes.T3RowTotal, FindingCodes.T3ResultTotal, FindingCodes.T4GroupTotal, CarryOverRule.Code];

    /// <param name="versions">The year's versions (with their findings refreshed by <see cref="CarryOverCheck.Refresh"/>).</param>
    public static IReadOnlyList<ComplianceRow> Build(int year, IEnumerable<Source> sources, IEnumerable<ReportVersionRecord> versions, ComplianceDeadlines deadlines)
    {
        var byReport = versions.Where(v => v.Year == year).GroupBy(v => v.SourceId).ToDictionary(g => g.Key, g => g.ToList());
        var rows = new List<ComplianceRow>();
        var seen = new HashSet<string>();
        foreach (var source in sources)
        {
            if (!seen.Add(source.Id)) continue;
            var due = deadlines.DueDate(year, source);
            rows.Add(byReport.TryGetValue(source.Id, out var found)
                ? Row(source.Agency, source.Id, source.Region, year, found, due)
                : new ComplianceRow(source.Agency, source.Id, year, ComplianceStatus.Missing) { Region = source.Region, DueDate = due });
        }
        // Reports of sources no longer configured still count: the office sees them rather than a silent gap.
        foreach (var (sourceId, found) in byReport.Where(r => !seen.Contains(r.Key)))
        {
            rows.Add(Row(found[0].Agency, sourceId, found[0].Region, year, found, deadlines.DueDate(year, sourceId, found[0].Region)));
        }
        return rows.OrderBy(r => Rank(r.Status)).ThenByDescending(r => r.DaysLate ?? 0).ThenBy(r => r.Agency, StringComparer.Ordinal).ToList();
    }

    /// <summary>The report's publication date: the earliest a version states (not counting fetch times), else the first fetch.</summary>
    public static PublicationDate? PublishedAt(IEnumerable<ReportVersionRecord> versions) => Earliest(versions.Select(v => v.PublishedAt ?? Fetched(v.FetchedAt)));

    /// <summary>The earliest date that is not a fetch time, else the earliest fetch; null for none.</summary>
    public static PublicationDate? Earliest(IEnumerable<PublicationDate> versionDates)
    {
        var dates = versionDates.ToList();
        return dates.Where(d => d.Source != DateSource.FirstFetched).OrderBy(d => d.Date).FirstOrDefault()
               ?? dates.OrderBy(d => d.Date).FirstOrDefault();
    }

    private static ComplianceRow Row(string agency, string sourceId, string? region, int year, List<ReportVersionRecord> versions, DateOnly due)
    {
        var latest = versions.OrderByDescending(v => v.Version).First();
        var published = PublishedAt(versions);
        var (status, daysLate) = PublicationVerdict.Judge(published, due);
        return new ComplianceRow(latest.Agency, sourceId, year, status)
        {
            Region = region ?? latest.Region,
            DueDate = due,
            PublishedAt = published,
            DaysLate = daysLate,
            FirstFoundAt = versions.Min(v => v.FetchedAt),
            Template = latest.Template,
            Versions = versions.Count,
            DocumentUrl = latest.DocumentUrl,
            Findings = latest.Findings,
            RuleViolations = latest.Findings.Where(f => RuleCodes.Contains(f.Code)).ToList(),
            OtherFindings = latest.Findings.Where(f => !RuleCodes.Contains(f.Code)).ToList(),
        };
    }

    /// <summary>A version stored before publication dates were read is dated by its fetch, and says so.</summary>
    public static PublicationDate Fetched(DateTimeOffset fetchedAt) =>
        new(DateText.Beijing(fetchedAt), DateSource.FirstFetched, $"首次抓取 {fetchedAt.ToOffset(DateText.BeijingOffset):yyyy-MM-dd HH:mm:ss} (UTC+8)");

    private static int Rank(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Missing => 0,
        ComplianceStatus.Late => 1,
        ComplianceStatus.UnknownDate => 2,
        _ => 3,
    };
}
