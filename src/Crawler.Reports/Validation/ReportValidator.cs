using Crawler.Reports.Parsing;
using Crawler.Reports.Model;

namespace Crawler.Reports.Validation;

/// <summary>
/// The consistency rules (勾稽关系) and the findings that follow from the figures alone. Pure. A rule with a
/// null operand is not evaluated: a blank cell is "not reported", and nothing can be said about it.
/// </summary>
public static class ReportValidator
{
    /// <summary>
    /// The validation stage: the consistency rules over what the reader made of a document, and for OCR'd figures the
    /// cells those rules and the reader's confidence put in doubt. The result is the same report with these findings
    /// after the reader's own; a document that is not a report passes through unchanged.
    /// </summary>
    public static ReportParseResult Validate(ReportParseResult read, double lowConfidenceThreshold = OcrSuspectCells.DefaultThreshold)
    {
        if (!read.IsReport) return read;
        var findings = read.Findings.ToList();
        findings.AddRange(Validate(read.Report, read.PrintedTables, read.UnreadRows));
        if (read.RowConfidence is { } confidence) findings.AddRange(OcrSuspectCells.Check(read.Report, findings, confidence, lowConfidenceThreshold));
        return read with { Findings = findings };
    }

    /// <param name="report">The parsed report.</param>
    /// <param name="printedTables">Keys of the tables the report printed; when null, every table with a figure.
    /// BLANK_CELLS is only raised for printed tables (a missing table is TABLE_MISSING, not blank cells).</param>
    /// <param name="unreadRows">Rows (<c>{table}.{row}</c>) the parser could not read (ROW_UNREAD): their null
    /// cells are unknown, not blank, and BLANK_CELLS does not count them.</param>
    public static IReadOnlyList<Finding> Validate(AnnualReport report, IReadOnlySet<string>? printedTables = null, IReadOnlySet<string>? unreadRows = null)
    {
        var findings = new List<Finding>();
        ApplicationRules.Check(report.Applications, findings);
        ReviewRules.Check(report.ReviewAndLitigation, findings);
        PeriodRule.Check(report, findings);
        NarrativeRule.Check(report, findings);
        foreach (var table in new[] { report.ActiveDisclosure, report.Applications, report.ReviewAndLitigation })
        {
            var printed = printedTables?.Contains(table.Key) ?? !table.IsEmpty;
            if (printed) BlankCellRule.Check(table, unreadRows ?? NoRows, findings);
        }
        return findings;
    }

    private static readonly HashSet<string> NoRows = [];
}
