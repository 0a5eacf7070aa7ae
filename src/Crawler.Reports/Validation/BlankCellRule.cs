using Crawler.Reports.Model;

namespace Crawler.Reports.Validation;

/// <summary>
/// BLANK_CELLS: one finding per printed table with empty cells. The three 2021 （六） rows of a mixed
/// report are not printed at all, so they are absent rather than blank and do not count.
/// </summary>
internal static class BlankCellRule
{
    private static readonly HashSet<string> AbsentInMixed = ["otherNoCorrection", "otherNoFee", "otherOther"];

    public static void Check(FigureTable table, ReportTemplate template, List<Finding> findings)
    {
        var mixed = template != ReportTemplate.Template2019 && table.Definition.Row("otherHandling") is not null;
        var blank = new List<string>();
        var count = 0;
        foreach (var row in table.Definition.Rows)
        {
            if (mixed && AbsentInMixed.Contains(row.Key)) continue;
            foreach (var cell in row.Cells)
            {
                if (table[row.Key, cell.Key] is not null) continue;
                if (count++ < 3) blank.Add($"{row.Key}.{cell.Key}");
            }
        }
        if (count == 0) return;
        var examples = string.Join("、", blank);
        findings.Add(FindingSeverities.Create(FindingCodes.BlankCells, table.Key,
            $"表“{table.Definition.Title}”有 {count} 个单元格未填（记为空，不作 0），如 {examples}{(count > 3 ? " 等" : "")}"));
    }
}
