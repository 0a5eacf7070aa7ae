using System.Globalization;
using Crawler.Reports.Model;

namespace Crawler.Reports.Renditions;

/// <summary>
/// RENDITIONS_DISAGREE: one report published as two documents (the report page and the attachment it links) whose
/// figures differ. The report keeps one version, from the preferred document; the finding on it names the other
/// document and every cell where the two disagree (a cell either leaves empty is named too: not reported is not zero).
/// </summary>
public static class RenditionComparison
{
    public const string Code = "RENDITIONS_DISAGREE";

    /// <summary>How many differing cells the message lists by name; the rest are counted.</summary>
    private const int Named = 12;

    /// <summary>The cells (flat keys) whose figures differ between the two reports, in printed order.</summary>
    public static IReadOnlyList<(string Key, decimal? Kept, decimal? Other)> Differences(AnnualReport kept, AnnualReport other)
    {
        var others = other.Figures().ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var differences = new List<(string, decimal?, decimal?)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var figure in kept.Figures())
        {
            keys.Add(figure.Key);
            var theirs = others.GetValueOrDefault(figure.Key);
            if (figure.Value != theirs) differences.Add((figure.Key, figure.Value, theirs));
        }
        foreach (var figure in other.Figures())
        {
            if (figure.Value is not null && !keys.Contains(figure.Key)) differences.Add((figure.Key, null, figure.Value));
        }
        return differences;
    }

    /// <summary>The finding for the kept version, or null when the two agree figure for figure (and in template).</summary>
    /// <param name="keptName">The document the version comes from (its URL).</param>
    /// <param name="otherName">The other document (its URL).</param>
    public static Finding? Compare(AnnualReport kept, string keptName, AnnualReport other, string otherName)
    {
        var differences = Differences(kept, other);
        if (differences.Count == 0 && kept.Template == other.Template) return null;
        var listed = string.Join("；", differences.Take(Named).Select(d => $"{d.Key} {Show(d.Kept)} ≠ {Show(d.Other)}"));
        var more = differences.Count > Named ? $"；另有 {differences.Count - Named} 处" : "";
        var template = kept.Template == other.Template ? "" : $"；模板 {kept.Template.ToName()} ≠ {other.Template.ToName()}";
        return new Finding(Code, FindingSeverity.Warning, otherName,
            $"同一报告的两个文档数字不一致（{differences.Count} 处）：本版本取自 {keptName}，{otherName} 与之不同：{listed}{more}{template}");
    }

    private static string Show(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture) ?? "空";
}
