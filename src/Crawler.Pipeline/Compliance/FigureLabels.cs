using Crawler.Reports.Model;
using Crawler.Reports.Templates;

namespace Crawler.Pipeline.Compliance;

/// <summary>The printed Chinese label of every figure key (表三 · 本年新收政府信息公开申请数量 · 自然人), from the template tables.</summary>
public static class FigureLabels
{
    private static readonly IReadOnlyDictionary<string, string> Labels = Build();

    public static string Of(string key) => Labels.TryGetValue(key, out var label) ? label : key;

    private static Dictionary<string, string> Build()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in ReportTemplates.AllTables)
        {
            foreach (var row in table.Rows)
            {
                foreach (var cell in row.Cells)
                {
                    var group = row.Group is { Length: > 0 } g && !row.Label.StartsWith(g, StringComparison.Ordinal) ? g + " " : "";
                    labels.TryAdd($"{table.Key}.{row.Key}.{cell.Key}", $"{table.Name} · {group}{row.Label} · {cell.Label}");
                }
            }
        }
        return labels;
    }
}
