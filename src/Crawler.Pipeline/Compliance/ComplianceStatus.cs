namespace Crawler.Pipeline.Compliance;

/// <summary>
/// Where an agency stands for one report year, judged by the report's own publication date against the due
/// date in Beijing time. The JSON names are onTime, late, missing and unknownDate.
/// </summary>
public enum ComplianceStatus
{
    /// <summary>按时发布: published by the due date.</summary>
    OnTime,

    /// <summary>逾期发布: published after the due date (by <see cref="ComplianceRow.DaysLate"/> days).</summary>
    Late,

    /// <summary>未发布: no report for the year has been found.</summary>
    Missing,

    /// <summary>日期不明: a report is archived, but nothing dates it and the crawler first saw it after the due date.</summary>
    UnknownDate,
}
