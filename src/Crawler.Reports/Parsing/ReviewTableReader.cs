using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>
/// Reads table 4 (行政复议、行政诉讼): 3 groups × 5 cells, printed as one row of 15 numbers under a two-line
/// header, or as one labelled row per group. Spare or missing numbers are realigned by the header and by
/// the only plausible reading (a group that states a component states its 总计), with COLUMN_REPAIRED.
/// </summary>
internal static class ReviewTableReader
{
    private const int CellsPerGroup = 5;
    private const int CellCount = 15;

    public static TableReading Read(IReadOnlyList<GridLine> lines, List<Finding> findings)
    {
        var reading = new TableReading();
        var values = ReadLabelledGroups(lines) ?? ReadValueRow(lines, findings);
        if (values is null) return reading;
        var groups = ReportSchema.ReviewAndLitigation.Rows;
        // Table 4's figures may be read from several lines; every group carries the lowest confidence of them all.
        var confidence = lines.Where(l => l.ValueCount > 0).Select(l => l.LowestValueConfidence).Min();
        for (var g = 0; g < groups.Count; g++) reading.Read(groups[g].Key, values[(g * CellsPerGroup)..((g + 1) * CellsPerGroup)], confidence);
        return reading;
    }

    private static decimal?[]? ReadLabelledGroups(IReadOnlyList<GridLine> lines)
    {
        var values = new decimal?[CellCount];
        var found = 0;
        foreach (var line in lines)
        {
            if (!line.HasLabel || line.ValueCount == 0) continue;
            var match = LabelCatalogs.ReviewGroups.Match(line.Label, fuzzy: false);
            if (match is null) continue;
            var tokens = line.Cells.Skip(line.LastLabel + 1).Where(c => c.IsValue).ToArray();
            if (tokens.Length != CellsPerGroup) continue;
            var g = ReportSchema.ReviewAndLitigation.Rows.ToList().FindIndex(r => r.Key == match.Key);
            for (var k = 0; k < CellsPerGroup; k++) values[g * CellsPerGroup + k] = tokens[k].Value;
            found++;
        }
        return found > 0 ? values : null;
    }

    private static decimal?[]? ReadValueRow(IReadOnlyList<GridLine> lines, List<Finding> findings)
    {
        var valueLines = lines.Where(l => l.ValueCount > 0 && !l.HasLabel).ToArray();
        if (valueLines.Length == 0) return null;
        var header = ReviewHeader.Read(lines.Where(l => l.ValueCount == 0).ToArray());
        var values = new decimal?[CellCount];
        if (valueLines.Length > 1)
        {
            var all = valueLines.SelectMany(l => l.Cells.Where(c => c.IsValue)).ToArray();
            for (var k = 0; k < Math.Min(all.Length, CellCount); k++) values[k] = all[k].Value;
            if (all.Length != CellCount) Repaired(findings, $"表四数值分印在 {valueLines.Length} 行、共 {all.Length} 个，按顺序读入前 {Math.Min(all.Length, CellCount)} 个");
            return values;
        }
        var line = valueLines[0];
        var tokens = Enumerable.Range(0, line.Cells.Length).Where(c => line.Cells[c].IsValue).ToList();
        if (tokens.Count == CellCount)
        {
            for (var k = 0; k < CellCount; k++) values[k] = line.Cells[tokens[k]].Value;
            return values;
        }
        if (tokens.Count > CellCount)
        {
            var spare = tokens.Where(c => header.SlotAt(c) < 0).ToList();
            var drop = header.IsComplete && spare.Count == tokens.Count - CellCount ? spare : tokens.Skip(CellCount).ToList();
            var kept = tokens.Except(drop).ToList();
            for (var k = 0; k < CellCount; k++) values[k] = line.Cells[kept[k]].Value;
            Repaired(findings, $"表四数值行印有 {tokens.Count} 个数值、只有 {CellCount} 格：第 {string.Join("、", drop.Select(c => tokens.IndexOf(c) + 1))} 个数值不在任何表头之下，已删除");
            return values;
        }
        if (header.IsComplete)
        {
            foreach (var c in tokens) if (header.SlotAt(c) is var slot and >= 0) values[slot] = line.Cells[c].Value;
            return values;
        }
        return ReviewAlignment.Realign(line, findings);
    }

    internal static void Repaired(List<Finding> findings, string message) =>
        findings.Add(FindingSeverities.Create(FindingCodes.ColumnRepaired, ReportSchema.ReviewAndLitigationKey, message));
}
