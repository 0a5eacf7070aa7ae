using Crawler.Reports.Model;

namespace Crawler.Reports.Validation;

/// <summary>T3_BALANCE, T3_ROW_TOTAL and T3_RESULT_TOTAL over table 3.</summary>
internal static class ApplicationRules
{
    public static void Check(FigureTable table, List<Finding> findings)
    {
        var columns = ReportSchema.ApplicantColumns;
        var results = ReportSchema.ResultRowKeys(table.Definition);
        foreach (var column in columns)
        {
            var c = column.Key;
            var received = table["newReceived", c];
            var carriedOver = table["carriedOver", c];
            var handled = table["totalHandled", c];
            var carriedForward = table["carriedForward", c];
            if (received is { } a && carriedOver is { } b && handled is { } h && carriedForward is { } f && a + b != h + f)
            {
                findings.Add(FindingSeverities.Create(FindingCodes.T3Balance, $"applications.columns.{c}",
                    $"表三“{column.Label}”列：本年新收 {a} + 上年结转 {b} ≠ 办理结果总计 {h} + 结转下年度 {f}"));
            }
            var parts = results.Select(r => table[r, c]).ToArray();
            if (handled is { } total && parts.All(p => p is not null) && parts.Sum() is { } sum && sum != total)
            {
                findings.Add(FindingSeverities.Create(FindingCodes.T3ResultTotal, $"applications.columns.{c}",
                    $"表三“{column.Label}”列：各项办理结果之和 {sum} ≠ （七）总计 {total}"));
            }
        }
        foreach (var row in table.Definition.Rows)
        {
            var values = columns.Take(columns.Count - 1).Select(col => table[row.Key, col.Key]).ToArray();
            if (table[row.Key, "total"] is not { } rowTotal || values.Any(v => v is null)) continue;
            var sum = values.Sum()!.Value;
            if (sum == rowTotal) continue;
            var terms = string.Join(" + ", columns.Take(columns.Count - 1).Select((col, i) => $"{col.Label} {values[i]}"));
            findings.Add(FindingSeverities.Create(FindingCodes.T3RowTotal, $"applications.{row.Key}",
                $"表三“{row.Label}”行：{terms} = {sum} ≠ 总计 {rowTotal}"));
        }
    }
}
