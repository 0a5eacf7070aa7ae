using Crawler.Reports.Model;

namespace Crawler.Reports.Validation;

/// <summary>
/// BLANK_CELLS: one finding per printed table with cells seen empty. Only rows that were read count: a row
/// the parser could not read is ROW_UNREAD (its cells are unknown, not blank), and rows a layout's substitution
/// replaced (the three 2021 （六） rows of a mixed report) are not printed at all, so absent rather than blank.
/// </summary>
internal static class BlankCellRule
{
    public static void Check(FigureTable table, IReadOnlySet<string> unreadRows, List<Finding> findings)
    {
        var blank = new List<string>();
        var count = 0;
        foreach (var row in table.Definition.Rows)
        {
            if (table.Definition.IsReplaced(row.Key) || unreadRows.Contains($"{table.Key}.{row.Key}")) continue;
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
