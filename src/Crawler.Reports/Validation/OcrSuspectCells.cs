using System.Globalization;
using Crawler.Reports.Model;

namespace Crawler.Reports.Validation;

/// <summary>
/// For a report whose tables were read by OCR: names every cell a reader must check against the original,
/// so that OCR never silently yields a wrong number that passes every check (issue 3). One LOW_CONFIDENCE
/// finding per row and reason, where = the row's key path (applications.granted): figures read below the
/// confidence threshold, figures taking part in a broken 勾稽关系, and figures OCR did not read at all.
/// Pure: the confidences come from the document's cells, collected by the parser.
/// </summary>
public static class OcrSuspectCells
{
    public const double DefaultThreshold = 0.80;

    private static readonly HashSet<string> RuleCodes =
        [FindingCodes.T3Balance, FindingCodes.T3RowTotal, FindingCodes.T3ResultTotal, FindingCodes.T4GroupTotal];

    /// <param name="report">The parsed report.</param>
    /// <param name="findings">The findings so far (the rule findings are read from them).</param>
    /// <param name="rowConfidence">Row key path (applications.granted) → the lowest OCR confidence of its figures.</param>
    /// <param name="threshold">Figures read below this confidence are suspect.</param>
    public static IReadOnlyList<Finding> Check(AnnualReport report, IReadOnlyList<Finding> findings,
        IReadOnlyDictionary<string, double> rowConfidence, double threshold = DefaultThreshold)
    {
        var suspects = new List<Finding>();
        var tables = new[] { report.ActiveDisclosure, report.Applications, report.ReviewAndLitigation };
        foreach (var table in tables)
        {
            foreach (var row in table.Definition.Rows)
            {
                var where = $"{table.Key}.{row.Key}";
                if (rowConfidence.TryGetValue(where, out var confidence) && confidence < threshold)
                {
                    suspects.Add(Suspect(where, $"{Name(table, row)}行的数字为 OCR 识别，最低置信度 {Percent(confidence)}，低于 {Percent(threshold)}，请对照原件核对：{Cells(table, row, row.Cells)}"));
                }
            }
        }
        foreach (var (where, cells) in RuleCells(report, findings))
        {
            var table = tables.First(t => where.StartsWith(t.Key + ".", StringComparison.Ordinal));
            var row = table.Definition.Row(where[(table.Key.Length + 1)..])!;
            suspects.Add(Suspect(where, $"OCR 识别的数字未通过勾稽校验，以下单元格可疑：{Name(table, row)}{Cells(table, row, row.Cells.Where(c => cells.Contains(c.Key)))}"));
        }
        foreach (var table in tables)
        {
            foreach (var row in table.Definition.Rows)
            {
                var missing = row.Cells.Where(c => table[row.Key, c.Key] is null).ToList();
                if (missing.Count == 0) continue;
                var labels = string.Join("、", missing.Select(c => c.Label));
                var what = missing.Count == row.Cells.Count ? "整行数字" : $"{missing.Count} 个数字（{labels}）";
                suspects.Add(Suspect($"{table.Key}.{row.Key}", $"表格为 OCR 识别：{Name(table, row)}的{what}未识别出（记为空，可能原件留空，也可能漏识），请对照原件核对"));
            }
        }
        return suspects;
    }

    /// <summary>Row key path → cell keys of every figure that takes part in a broken rule.</summary>
    private static Dictionary<string, HashSet<string>> RuleCells(AnnualReport report, IReadOnlyList<Finding> findings)
    {
        var cells = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string table, string row, IEnumerable<string> keys)
        {
            var where = $"{table}.{row}";
            if (!cells.TryGetValue(where, out var set)) cells[where] = set = new HashSet<string>(StringComparer.Ordinal);
            set.UnionWith(keys);
        }
        var applications = report.Applications.Definition;
        foreach (var finding in findings.Where(f => RuleCodes.Contains(f.Code)))
        {
            var path = finding.Where.Split('.');
            if (finding.Code is FindingCodes.T3Balance or FindingCodes.T3ResultTotal && path is [_, "columns", var column])
            {
                var rows = finding.Code == FindingCodes.T3Balance
                    ? ["newReceived", "carriedOver", "totalHandled", "carriedForward"]
                    : ReportSchema.ResultRowKeys(applications).Append("totalHandled");
                foreach (var row in rows.Where(r => applications.Row(r) is not null)) Add(report.Applications.Key, row, [column]);
            }
            else if (path is [var table, var row] && Table(report, table) is { } figures && figures.Definition.Row(row) is { } definition)
            {
                Add(table, row, definition.Cells.Select(c => c.Key));
            }
        }
        return cells;
    }

    private static FigureTable? Table(AnnualReport report, string key) =>
        new[] { report.ActiveDisclosure, report.Applications, report.ReviewAndLitigation }.FirstOrDefault(t => t.Key == key);

    private static string Name(FigureTable table, RowDefinition row) =>
        $"“{table.Definition.Title}”表“{(row.Group is { } g ? $"{g}·{row.Label}" : row.Label)}”";

    private static string Cells(FigureTable table, RowDefinition row, IEnumerable<CellDefinition> cells) =>
        string.Join("、", cells.Select(c => $"{c.Label} {(table[row.Key, c.Key] is { } v ? v.ToString(CultureInfo.InvariantCulture) : "空")}"));

    private static string Percent(double value) => $"{Math.Round(value * 100).ToString(CultureInfo.InvariantCulture)}%";

    private static Finding Suspect(string where, string message) => FindingSeverities.Create(FindingCodes.LowConfidence, where, message);
}
