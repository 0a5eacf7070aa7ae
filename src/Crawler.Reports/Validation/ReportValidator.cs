using Crawler.Reports.Model;

namespace Crawler.Reports.Validation;

/// <summary>
/// The consistency rules (勾稽关系) and the findings that follow from the figures alone. Pure. A rule with a
/// null operand is not evaluated: a blank cell is "not reported", and nothing can be said about it.
/// </summary>
public static class ReportValidator
{
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
