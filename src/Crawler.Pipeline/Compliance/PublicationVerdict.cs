using Crawler.Reports.Publication;

namespace Crawler.Pipeline.Compliance;

/// <summary>
/// A publication date against a due date, both Beijing calendar days: on time through the whole due day, late by
/// the days after it. A date known only from the crawler's first fetch proves the report was online by then, so
/// it can show a report on time but never late (日期不明). A month (/202401/) is on time when the whole month is,
/// late (at least from its first day) when the whole month is after the due date, and unknown when it straddles it.
/// </summary>
public static class PublicationVerdict
{
    public static (ComplianceStatus Status, int? DaysLate) Judge(PublicationDate? published, DateOnly dueDate)
    {
        if (published is null) return (ComplianceStatus.UnknownDate, null);
        if (published.LatestDate <= dueDate) return (ComplianceStatus.OnTime, null);
        if (published.Source == DateSource.FirstFetched || published.Date <= dueDate) return (ComplianceStatus.UnknownDate, null);
        return (ComplianceStatus.Late, published.Date.DayNumber - dueDate.DayNumber);
    }
}
