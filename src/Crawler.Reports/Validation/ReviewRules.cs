using Crawler.Reports.Model;

namespace Crawler.Reports.Validation;

/// <summary>T4_GROUP_TOTAL: in each group of table 4, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.</summary>
internal static class ReviewRules
{
    public static void Check(FigureTable table, List<Finding> findings)
    {
        var cells = ReportSchema.ReviewCells;
        foreach (var group in table.Definition.Rows)
        {
            var parts = cells.Take(cells.Count - 1).Select(c => table[group.Key, c.Key]).ToArray();
            if (table[group.Key, "total"] is not { } total || parts.Any(p => p is null)) continue;
            var sum = parts.Sum()!.Value;
            if (sum == total) continue;
            var terms = string.Join(" + ", cells.Take(cells.Count - 1).Select((c, i) => $"{c.Label} {parts[i]}"));
            var name = group.Group is { } g ? $"{g}·{group.Label}" : group.Label;
            findings.Add(FindingSeverities.Create(FindingCodes.T4GroupTotal, $"reviewAndLitigation.{group.Key}",
                $"表四“{name}”：{terms} = {sum} ≠ 总计 {total}"));
        }
    }
}
