using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>
/// What the parser made of a document. <see cref="IsReport"/> is false when the document is not an
/// annual disclosure report at all (then <see cref="NotReportReason"/> says why, in Chinese);
/// a report whose tables are missing or broken is still a report, with findings.
/// </summary>
public sealed record ReportParseResult(AnnualReport Report, IReadOnlyList<Finding> Findings)
{
    public bool IsReport => NotReportReason is null;

    public string? NotReportReason { get; init; }

    /// <summary>The tables the document printed (their keys): a rule about empty cells applies only to those.</summary>
    public IReadOnlySet<string>? PrintedTables { get; init; }

    /// <summary>Rows of printed tables the reader could not read (table.row): their cells are unknown, not blank.</summary>
    public IReadOnlySet<string>? UnreadRows { get; init; }

    /// <summary>OCR confidence per row (table.row) when the figures came from OCR; null for text the document carried.</summary>
    public IReadOnlyDictionary<string, double>? RowConfidence { get; init; }

    public static ReportParseResult NotAReport(string reason) =>
        new(AnnualReport.Blank(ReportTemplate.Free), Array.Empty<Finding>()) { NotReportReason = reason };
}
