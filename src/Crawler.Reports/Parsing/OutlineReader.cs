using System.Text.RegularExpressions;
using Crawler.Reports.Documents;

namespace Crawler.Reports.Parsing;

/// <summary>Finds the title and the six section headings of a report.</summary>
internal static partial class OutlineReader
{
    private static readonly Regex[] SectionWords =
    [
        null!, Overview(), Active(), Applications(), Review(), Problems(), Other(),
    ];

    public static ReportOutline Read(ReportDocument document)
    {
        var headings = new int[7];
        Array.Fill(headings, -1);
        var last = 0;
        string? title = null;
        var titleBlock = -1;
        var blocks = document.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b] is not Paragraph paragraph) continue;
            var text = paragraph.Text.Trim();
            if (title is null && last == 0 && IsTitle(text))
            {
                title = JoinSplitTitle(blocks, b, text);
                titleBlock = b;
                continue;
            }
            var section = HeadingNumber(text);
            if (section > last)
            {
                headings[section] = b;
                last = section;
            }
        }
        return new ReportOutline(document, title, titleBlock, headings);
    }

    /// <summary>1..6 when the paragraph is a section heading ("三、收到和处理…", "5、 存在的主要问题…"), else 0.</summary>
    public static int HeadingNumber(string text)
    {
        if (text.Length > 40) return 0;
        var match = Heading().Match(text);
        if (!match.Success) return 0;
        var number = match.Groups["num"].Value[0] switch
        {
            '一' or '1' => 1, '二' or '2' => 2, '三' or '3' => 3, '四' or '4' => 4, '五' or '5' => 5, '六' or '6' => 6, _ => 0,
        };
        var rest = match.Groups["text"].Value;
        var stop = rest.IndexOf('。');
        if (stop >= 0 && stop < rest.Length - 1) return 0;
        return number > 0 && SectionWords[number].IsMatch(rest) ? number : 0;
    }

    private static bool IsTitle(string text) =>
        text.Length is >= 6 and <= 80 && TitleWords().IsMatch(text) && !text.EndsWith('。') && !text.StartsWith("根据", StringComparison.Ordinal)
        && !text.Contains('，');

    /// <summary>A title printed on two lines, agency then "2023 年…年度报告", is joined with one space.</summary>
    private static string JoinSplitTitle(IReadOnlyList<DocumentBlock> blocks, int b, string text)
    {
        if (!StartsWithYear().IsMatch(text) || b == 0 || blocks[b - 1] is not Paragraph previous) return text;
        var head = previous.Text.Trim();
        if (head.Length is < 2 or > 30 || TitlePunctuation().IsMatch(head) || HeadingNumber(head) > 0) return text;
        return head + " " + text;
    }

    [GeneratedRegex(@"^(?<num>[一二三四五六1-6])\s*[、.．]\s*(?<text>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?:信息公开|政务公开).*(?:年度报告|年报)")]
    private static partial Regex TitleWords();

    [GeneratedRegex(@"^\d{4}\s*年")]
    private static partial Regex StartsWithYear();

    [GeneratedRegex(@"[。，,：:；;！？!?、]")]
    private static partial Regex TitlePunctuation();

    [GeneratedRegex("总体情况|概述|基本情况|总体")]
    private static partial Regex Overview();

    [GeneratedRegex("主动公开")]
    private static partial Regex Active();

    [GeneratedRegex("收到和处理|依申请")]
    private static partial Regex Applications();

    [GeneratedRegex("行政复议|行政诉讼")]
    private static partial Regex Review();

    [GeneratedRegex("问题|改进")]
    private static partial Regex Problems();

    [GeneratedRegex("其他|需要报告")]
    private static partial Regex Other();
}
