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
        var blank = table.Figures()
            .Where(f => f.Value is null && !(mixed && AbsentInMixed.Contains(RowOf(f.Key, table.Key))))
            .Select(f => f.Key)
            .ToList();
        if (blank.Count == 0) return;
        var examples = string.Join("、", blank.Take(3).Select(k => k[(table.Key.Length + 1)..]));
        findings.Add(FindingSeverities.Create(FindingCodes.BlankCells, table.Key,
            $"表“{table.Definition.Title}”有 {blank.Count} 个单元格未填（记为空，不作 0），如 {examples}{(blank.Count > 3 ? " 等" : "")}"));
    }

    private static string RowOf(string figureKey, string tableKey)
    {
        var rest = figureKey[(tableKey.Length + 1)..];
        return rest[..rest.IndexOf('.')];
    }
}
