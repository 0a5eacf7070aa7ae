namespace Crawler.Reports.Model;

/// <summary>The prose of sections 一 (总体情况), 五 (存在的主要问题及改进情况) and 六 (其他需要报告的事项).</summary>
public sealed record ReportSections(string? Overview, string? Problems, string? Other)
{
    public static ReportSections None { get; } = new(null, null, null);
}
