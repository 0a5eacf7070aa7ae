using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>
/// Realigns a table-4 value row that has fewer positions than the 15 cells and no complete header to trust
/// (seed 003: the table's right edge was lost). Each shift of the row is scored by plausibility: a group
/// that states a component but leaves its 总计 blank is implausible. The least shift among the best wins.
/// </summary>
internal static class ReviewAlignment
{
    public static decimal?[] Realign(GridLine line, List<Finding> findings)
    {
        const int cellCount = 15;
        var width = line.Cells.Length;
        decimal?[]? best = null;
        var bestPenalty = int.MaxValue;
        var bestShift = 0;
        for (var shift = 0; shift <= Math.Max(0, cellCount - width); shift++)
        {
            var candidate = new decimal?[cellCount];
            for (var c = 0; c < width && c + shift < cellCount; c++) candidate[c + shift] = line.Cells[c].Value;
            var penalty = Penalty(candidate);
            if (penalty >= bestPenalty) continue;
            best = candidate;
            bestPenalty = penalty;
            bestShift = shift;
        }
        if (bestShift > 0)
        {
            ReviewTableReader.Repaired(findings,
                $"表四数值行只有 {width} 格、模板为 {cellCount} 格，表头也不完整：按“填了分项必填总计”的唯一合理读法整体右移 {bestShift} 列");
        }
        return best!;
    }

    private static int Penalty(decimal?[] values)
    {
        var cells = ReportSchema.ReviewCells.Count;
        var penalty = 0;
        for (var g = 0; g < values.Length / cells; g++)
        {
            var total = values[g * cells + cells - 1];
            var anyPart = false;
            for (var k = 0; k < cells - 1; k++) anyPart |= values[g * cells + k] is not null;
            if (anyPart && total is null) penalty++;
        }
        return penalty;
    }
}
