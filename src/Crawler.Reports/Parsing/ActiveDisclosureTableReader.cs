using Crawler.Reports.Model;
using Crawler.Reports.Templates;

namespace Crawler.Reports.Parsing;

/// <summary>
/// Reads table 2 (主动公开政府信息情况). Which template it follows is decided by its column headers: each
/// template declares the headers only it prints (<see cref="TemplateDeclaration.Headers"/>), e.g. 本年制发件数 for
/// 2021 and 本年新制作数量 for 2019; the template with the most printed wins, a tie goes to the one registered first.
/// </summary>
internal static class ActiveDisclosureTableReader
{
    /// <summary>The template the printed column headers belong to, or null when they name none.</summary>
    public static TemplateDeclaration? DetectTemplate(IReadOnlyList<GridLine> lines)
    {
        var texts = lines.SelectMany(l => l.Texts).Select(LabelText.Normalize).ToArray();
        TemplateDeclaration? best = null;
        var bestScore = 0;
        foreach (var template in ReportTemplates.All)
        {
            var score = 0;
            foreach (var normalized in texts)
            {
                foreach (var header in template.Headers) if (normalized.Contains(header, StringComparison.Ordinal)) score++;
                foreach (var header in template.ExactHeaders) if (normalized == header) score++;
            }
            if (score > bestScore) (best, bestScore) = (template, score);
        }
        return best;
    }

    /// <summary>Reads the rows of <paramref name="definition"/> (the detected template's table 2) by their labels.</summary>
    public static TableReading Read(IReadOnlyList<GridLine> lines, TableDefinition definition, List<Finding> findings)
    {
        var catalog = LabelCatalogs.RowsOf(definition);
        var reading = new TableReading();
        var headerUnits = HeaderUnits(lines, definition);
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
            reading.Read(match.Key, InKeyUnits(Place(line, row, findings), row, headerUnits, findings), line);
        }
        return reading;
    }

    private static CellToken[] Place(GridLine line, RowDefinition row, List<Finding> findings)
    {
        var placed = new CellToken[row.Cells.Count];
        var start = line.LastLabel + 1;
        var tokens = new List<CellToken>();
        for (var c = start; c < line.Cells.Length; c++) if (line.Cells[c].IsValue) tokens.Add(line.Cells[c]);
        if (tokens.Count == placed.Length)
        {
            for (var k = 0; k < placed.Length; k++) placed[k] = tokens[k];
        }
        else if (tokens.Count < placed.Length)
        {
            // Fewer numbers than columns: the blanks are where they are printed, right after the label.
            for (var k = 0; k < placed.Length && start + k < line.Cells.Length; k++) placed[k] = line.Cells[start + k];
        }
        else
        {
            for (var k = 0; k < placed.Length; k++) placed[k] = tokens[k];
            findings.Add(FindingSeverities.Create(FindingCodes.ColumnRepaired, $"activeDisclosure.{row.Key}",
                $"表二“{row.Label}”行印有 {tokens.Count} 个数值、只有 {placed.Length} 列：取前 {placed.Length} 个，其余舍弃"));
        }
        return placed;
    }

    /// <summary>
    /// The placed cells' values, each amount in its key's unit (万元): an amount printed in 元 or 亿元, by a
    /// unit after the number ("251000元") or in its column header ("采购总金额（元）"), is converted, with a
    /// UNIT_CONVERTED finding that names what was printed and what was stored.
    /// </summary>
    private static decimal?[] InKeyUnits(CellToken[] placed, RowDefinition row, IReadOnlyDictionary<string, MoneyUnit> headerUnits, List<Finding> findings)
    {
        var values = new decimal?[placed.Length];
        for (var k = 0; k < placed.Length; k++)
        {
            var cell = row.Cells[k];
            values[k] = placed[k].Value;
            if (cell.Unit is not { } keyUnit || placed[k].Value is not { } value) continue;
            var fromHeader = placed[k].Unit is null && headerUnits.ContainsKey(cell.Key);
            var printed = placed[k].Unit ?? (fromHeader ? headerUnits[cell.Key] : null);
            if (printed is null || printed == keyUnit) continue;
            var stored = printed.ConvertTo(value, keyUnit);
            values[k] = stored;
            var how = fromHeader ? $"表头以{printed.Name}为单位，印作“{placed[k].Text}”" : $"印作“{placed[k].Text}”";
            findings.Add(FindingSeverities.Create(FindingCodes.UnitConverted, $"activeDisclosure.{row.Key}",
                $"表二“{row.Label}·{cell.Label.Split('（')[0]}”{how}（{printed.Name}），已换算为 {stored} {keyUnit.Name} 记入 {cell.Key}"));
        }
        return values;
    }

    /// <summary>Amount columns whose printed header names a unit ("采购总金额（元）", "本年收费金额（单位：亿元）").</summary>
    private static Dictionary<string, MoneyUnit> HeaderUnits(IReadOnlyList<GridLine> lines, TableDefinition definition)
    {
        var units = new Dictionary<string, MoneyUnit>(StringComparer.Ordinal);
        foreach (var cell in definition.Columns.Where(c => c.Unit is not null))
        {
            var stem = cell.Label.Split('（')[0];
            foreach (var text in lines.SelectMany(l => l.Texts))
            {
                var at = text.IndexOf(stem, StringComparison.Ordinal);
                if (at < 0) continue;
                var rest = text[(at + stem.Length)..];
                if (MoneyUnit.All.FirstOrDefault(u => rest.Contains(u.Name, StringComparison.Ordinal)) is { } unit) { units[cell.Key] = unit; break; }
            }
        }
        return units;
    }
}
