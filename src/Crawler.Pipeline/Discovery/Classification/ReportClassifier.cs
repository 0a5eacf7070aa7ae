using System.Text;
using System.Text.RegularExpressions;

namespace Crawler.Pipeline.Discovery.Classification;

/// <summary>
/// Decides from a link text or page title whether a document is an annual government-information-disclosure report
/// (政府信息公开工作年度报告 and its variants) and for which year. Pure: no I/O. Look-alikes that share words with
/// the report (工作要点, 法治政府建设年度报告, 预决算, 年报解读, notices about compiling the reports, 统计年报) are
/// named as such so that they are never archived as reports.
/// </summary>
public static partial class ReportClassifier
{
    private static readonly string[] LookAlikeWords =
    [
        "要点", "法治政府", "法治建设", "预算", "决算", "解读", "图解", "图表", "一图", "读懂", "问答",
        "通知", "关于做好", "关于印发", "编制", "格式", "统计年报", "统计公报", "报送", "通报", "考核", "评估", "抽查", "检查",
        "征求意见", "实施方案", "工作方案", "工作计划", "培训", "目录", "指南", "社会责任", "企业年报", "年报公示",
    ];

    private static readonly string[] ColumnNames = ["年报", "年度报告", "工作年报", "工作年度报告", "政府信息公开年报", "信息公开年报", "政务公开年报"];

    public static ReportClassification Classify(string? text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0) return new(ReportVerdict.Unrelated, null, "no text");
        var year = ReportYear.Find(normalized);
        var names = ReportName().IsMatch(normalized);
        var column = ColumnNames.Contains(normalized);
        if (!names && !column) return new(ReportVerdict.Unrelated, year, "does not name an annual disclosure report");

        var lookAlike = LookAlikeWords.FirstOrDefault(w => normalized.Contains(w, StringComparison.Ordinal));
        if (lookAlike is not null) return new(ReportVerdict.LookAlike, year, $"names a report but also \"{lookAlike}\"");
        if (column || (year is null && normalized.Length <= 16))
            return new(ReportVerdict.ReportColumn, null, "names the annual report column");
        return new(ReportVerdict.Report, year, year is null ? "names an annual disclosure report (year not stated)" : $"names the {year} annual disclosure report");
    }

    /// <summary>The first look-alike word in a text (解读, 通知 …), for attachments whose names do not name the report.</summary>
    public static string? LookAlikeWordIn(string? text)
    {
        var normalized = Normalize(text);
        return LookAlikeWords.FirstOrDefault(w => normalized.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>NFKC (full-width digits), whitespace of every kind removed: titles are often spaced out (2023 年 度).</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && c != '\u200b') builder.Append(c);
        }
        return builder.ToString();
    }

    [GeneratedRegex("(信息公开|政务公开)(工作)?(年度)?(报告|年报)|政府信息公开工作情况(年度)?报告")]
    private static partial Regex ReportName();
}
