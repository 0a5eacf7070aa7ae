using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace Crawler.Extraction.Html;

/// <summary>
/// Page furniture that CMS templates put around or inside the article: navigation, breadcrumbs,
/// share and print bars, footers. Removed by element (class/id names) and by phrase (short lines
/// such as 打印本页 / 关闭窗口 / 分享到 that no report contains as prose).
/// </summary>
internal static partial class Boilerplate
{
    private static readonly string[] Phrases =
    [
        "打印本页", "关闭窗口", "分享到", "【打印】", "【关闭】", "扫一扫在手机打开", "当前位置", "您当前的位置",
        "您现在的位置", "【字体：", "字号：", "【大 中 小】", "网站地图", "版权所有", "ICP备",
    ];

    private const int MaxFurnitureLength = 80;

    public static void RemoveFurniture(HtmlNode body)
    {
        var doomed = body.Descendants()
            .Where(n => n.NodeType == HtmlNodeType.Comment
                        || n.Name is "script" or "style" or "noscript" or "nav" or "header" or "footer" or "button" or "input" or "select" or "textarea"
                        || (n.NodeType == HtmlNodeType.Element && FurnitureName().IsMatch(n.GetAttributeValue("class", "") + " " + n.GetAttributeValue("id", "")))
                        || (n.NodeType == HtmlNodeType.Element && Hides(n.GetAttributeValue("style", ""))))
            .ToList();
        foreach (var node in doomed) node.Remove();
    }

    /// <summary>True for a short line made of page furniture (a print/close/share bar, a breadcrumb).</summary>
    public static bool IsFurniture(string text) =>
        text.Length <= MaxFurnitureLength && Phrases.Any(text.Contains);

    /// <summary>Whether an inline <c>style</c> hides its element (LeanMarkup keeps such a style as <c>display:none</c>).</summary>
    public static bool Hides(ReadOnlySpan<char> style) => Hidden().IsMatch(style);

    // Hidden copies (SEO keyword blocks, a second copy for a mobile layout) would duplicate or pollute the text.
    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"(^|[\s_-])(nav|navbar|menu|breadcrumb|crumbs?|position|location|share|bdshare\w*|fenxiang|print|toolbar|tools|footer|header|copyright|pagination)([\s_-]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex FurnitureName();
}
