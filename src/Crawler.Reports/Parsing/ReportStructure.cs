using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>
/// What makes a parsed document a report worth a version: its structure — figures read from a template table, or the
/// text of its sections (一、总体情况 … 五、存在的主要问题 … 六、其他需要报告的事项) — never its title alone. A page whose
/// link and title name the report but which holds only the title and pictures (an image-only 图解) or only a link to
/// the report (a landing page) has neither.
/// </summary>
public static class ReportStructure
{
    /// <summary>Null when the parse has the structure of a report; otherwise why not.</summary>
    public static string? Lacking(ReportParseResult parsed)
    {
        if (!parsed.IsReport) return parsed.NotReportReason;
        var report = parsed.Report;
        if (report.Figures().Any(f => f.Value is not null)) return null;
        if (HasText(report.Sections.Overview) || HasText(report.Sections.Problems) || HasText(report.Sections.Other)) return null;
        return "只有标题，没有年报的结构：模板表格中没有读出任何数字，也没有章节正文（如只有图片的图解页） (a title without the report's tables or sections)";
    }

    private static bool HasText(string? text) => text is not null && text.Count(char.IsLetterOrDigit) >= 10;
}
