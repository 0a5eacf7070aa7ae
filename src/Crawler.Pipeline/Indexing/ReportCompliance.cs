using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Processing;
using Crawler.Reports.Publication;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// The compliance facts a report document carries for its report year, judged as <c>crawler compliance</c> judges
/// them: the report's publication date (the earliest any of its versions states, else its first fetch) against the
/// source's due date. A stored report is never missing, so the status is onTime, late or unknownDate.
/// </summary>
public sealed record ReportCompliance(ComplianceStatus Status, int? DaysLate, DateOnly Deadline, PublicationDate? PublishedAt)
{
    /// <summary>Null when the report's year is not known (no deadline applies).</summary>
    public static ReportCompliance? Judge(StoredReportVersion version, IEnumerable<StoredReportVersion> versionsOfReport, ComplianceDeadlines deadlines)
    {
        if (version.Result.Report.Year is not { } year) return null;
        var due = deadlines.DueDate(year, version.Source);
        var published = ComplianceList.Earliest(versionsOfReport.Append(version).DistinctBy(v => v.VersionId).Select(DateOf));
        var (status, daysLate) = PublicationVerdict.Judge(published, due);
        return new ReportCompliance(status, daysLate, due, published);
    }

    /// <summary>A version's own publication date; one stored before dating existed is dated by its fetch, and says so.</summary>
    public static PublicationDate DateOf(StoredReportVersion version) => version.PublishedAt ?? ComplianceList.Fetched(version.FetchedAt);
}
