using System.Text.RegularExpressions;
using Crawler.Reports.Model;

namespace Crawler.Reports.Validation;

/// <summary>
/// NARRATIVE_MISMATCH: the number of requests section 一 says were received ("共收到 3 件依申请公开事项",
/// "收到依申请公开信息1条") differs from table 3's 本年新收 总计.
/// </summary>
internal static partial class NarrativeRule
{
    public static void Check(AnnualReport report, List<Finding> findings)
    {
        if (report.Sections.Overview is not { } overview || report.Applications["newReceived", "total"] is not { } table) return;
        var text = overview.Replace("\n", "", StringComparison.Ordinal);
        var match = ReceivedBefore().Match(text);
        if (!match.Success) match = ReceivedAfter().Match(text);
        if (!match.Success) return;
        var number = match.Groups["n"].ValueSpan;
        decimal stated = char.IsAsciiDigit(number[0])
            ? decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture)
            : ChineseNumber.Parse(number) ?? -1;
        if (stated < 0) return;
        if (stated == table) return;
        findings.Add(FindingSeverities.Create(FindingCodes.NarrativeMismatch, "applications.newReceived",
            $"总体情况称收到政府信息公开申请 {stated} 件（“{match.Value}”），表三“本年新收”总计为 {table}"));
    }

    /// <summary>"收到依申请公开信息1条", "共收到政府信息公开申请 5 件".</summary>
    [GeneratedRegex(@"(?:收到|受理)[^。，；,;\d]{0,12}?申请[^。，；,;\d]{0,8}?(?<n>\d{1,9}|[零一二两三四五六七八九十百千]{1,6})\s*[件条个份]")]
    private static partial Regex ReceivedBefore();

    /// <summary>"共收到 3 件依申请公开事项".</summary>
    [GeneratedRegex(@"(?:收到|受理)\s*(?<n>\d{1,9}|[零一二两三四五六七八九十百千]{1,6})\s*[件条个份][^。，；,;\d]{0,8}?申请")]
    private static partial Regex ReceivedAfter();
}
