using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>
/// Reads table 2 (主动公开政府信息情况). Which template it follows is decided by its column headers:
/// 本年制发件数/本年处理决定数量/本年收费金额 (2021) or 本年新制作数量/上一年项目数量/采购项目数量 (2019).
/// </summary>
internal static class ActiveDisclosureTableReader
{
    private static readonly string[] Headers2021 = ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"];
    private static readonly string[] Headers2019 = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量", "采购总金额"];

    /// <summary>The template the printed column headers belong to, or null when they name neither.</summary>
    public static ReportTemplate? DetectTemplate(IReadOnlyList<GridLine> lines)
    {
        int score2021 = 0, score2019 = 0;
        foreach (var line in lines)
        {
            foreach (var text in line.Texts)
            {
                var normalized = LabelText.Normalize(text);
                foreach (var header in Headers2021) if (normalized.Contains(header, StringComparison.Ordinal)) score2021++;
                foreach (var header in Headers2019) if (normalized.Contains(header, StringComparison.Ordinal)) score2019++;
                if (normalized == "处理决定数量") score2019++;
            }
        }
        if (score2021 == 0 && score2019 == 0) return null;
        return score2019 > score2021 ? ReportTemplate.Template2019 : ReportTemplate.Template2021;
    }

    public static TableReading Read(IReadOnlyList<GridLine> lines, ReportTemplate template, List<Finding> findings)
    {
        var definition = ReportSchema.ActiveDisclosureFor(template);
        var catalog = template == ReportTemplate.Template2019 ? LabelCatalogs.ActiveRows2019 : LabelCatalogs.ActiveRows2021;
        var reading = new TableReading();
        foreach (var line in lines)
        {
            if (!line.HasLabel) continue;
            var match = catalog.Match(line.Label);
            if (match is null || reading.Has(match.Key)) continue;
            var row = definition.Row(match.Key)!;
            if (!match.Exact)
            {
                findings.Add(FindingSeverities.Create(FindingCodes.LabelVariant, $"activeDisclosure.{match.Key}",
                    $"表二行标签印作“{match.Printed}”，模板为“{match.Expected}”，已按该行读取"));
            }
            reading.Read(match.Key, Place(line, row, findings), line);
        }
        return reading;
    }

    private static decimal?[] Place(GridLine line, RowDefinition row, List<Finding> findings)
    {
        var values = new decimal?[row.Cells.Count];
        var start = line.LastLabel + 1;
        var tokens = new List<CellToken>();
        for (var c = start; c < line.Cells.Length; c++) if (line.Cells[c].IsValue) tokens.Add(line.Cells[c]);
        if (tokens.Count == values.Length)
        {
            for (var k = 0; k < values.Length; k++) values[k] = tokens[k].Value;
        }
        else if (tokens.Count < values.Length)
        {
            // Fewer numbers than columns: the blanks are where they are printed, right after the label.
            for (var k = 0; k < values.Length && start + k < line.Cells.Length; k++) values[k] = line.Cells[start + k].Value;
        }
        else
        {
            for (var k = 0; k < values.Length; k++) values[k] = tokens[k].Value;
            findings.Add(FindingSeverities.Create(FindingCodes.ColumnRepaired, $"activeDisclosure.{row.Key}",
                $"表二“{row.Label}”行印有 {tokens.Count} 个数值、只有 {values.Length} 列：取前 {values.Length} 个，其余舍弃"));
        }
        return values;
    }
}
