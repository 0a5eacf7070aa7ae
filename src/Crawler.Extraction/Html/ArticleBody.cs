using HtmlAgilityPack;

namespace Crawler.Extraction.Html;

/// <summary>
/// Finds the element that holds the article: first the body containers of the CMS families that
/// publish these reports (TRS, Hanweb, gkmlpt, UCAP), then the element whose own paragraphs and
/// tables hold the most text (navigation, footers and link lists hold little prose of their own).
/// </summary>
internal static class ArticleBody
{
    private static readonly string[] KnownContainers =
    [
        Class("trs_editor_view"), Class("TRS_Editor"), Class("TRS_UEDITOR"), "//*[@id='UCAP-CONTENT']",
        "//*[@id='zoom']", "//*[@id='Zoom']", Class("bt_content"), Class("article-content"), Class("article_content"),
        "//article",
    ];

    private const int MinimumText = 40;

    public static HtmlNode Locate(HtmlDocument page)
    {
        var root = page.DocumentNode.SelectSingleNode("//body") ?? page.DocumentNode;
        foreach (var xpath in KnownContainers)
        {
            var nodes = root.SelectNodes(xpath);
            if (nodes is null) continue;
            var best = nodes.MaxBy(n => HtmlText.Clean(n.InnerText).Length);
            if (best is not null && HtmlText.Clean(best.InnerText).Length >= MinimumText) return best;
        }
        return Densest(root) ?? root;
    }

    private static HtmlNode? Densest(HtmlNode root)
    {
        HtmlNode? best = null;
        var bestScore = 0;
        foreach (var node in root.DescendantsAndSelf().Where(n => n.NodeType == HtmlNodeType.Element && n.Name is "div" or "td" or "section" or "article" or "main" or "body"))
        {
            var score = OwnText(node);
            if (score > bestScore)
            {
                bestScore = score;
                best = node;
            }
        }
        return best;
    }

    /// <summary>Text in the node's direct children that are prose or data, minus link text.</summary>
    private static int OwnText(HtmlNode node)
    {
        var score = 0;
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == HtmlNodeType.Text)
            {
                score += HtmlText.Clean(child.InnerText).Length;
            }
            else if (child.Name is "p" or "h1" or "h2" or "h3" or "h4" or "span" or "font" or "strong" or "b" or "center" or "blockquote")
            {
                score += HtmlText.Clean(child.InnerText).Length - LinkText(child);
            }
            else if (child.Name == "table" && child.SelectSingleNode(".//table") is null)
            {
                score += HtmlText.Clean(child.InnerText).Length;
            }
        }
        return score;
    }

    private static int LinkText(HtmlNode node) =>
        node.Descendants("a").Sum(a => HtmlText.Clean(a.InnerText).Length);

    private static string Class(string name) =>
        $"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]";
}
