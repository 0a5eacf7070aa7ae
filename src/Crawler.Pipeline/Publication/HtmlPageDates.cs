using Crawler.Pipeline.Discovery.Pages;
using Crawler.Reports.Publication;
using Crawler.Extraction.Html;
using HtmlAgilityPack;

namespace Crawler.Pipeline.Publication;

/// <summary>What a report page says about its own date: its CMS meta tags and the 发布时间 line of its visible text.</summary>
public static class HtmlPageDates
{
    /// <summary>The date line sits in the article's head; reading the first part of the text keeps later lists out.</summary>
    private const int TextPrefix = 20_000;

    /// <summary>
    /// Meta tags sit in the head and the date line in the article's head: a page longer than this (a 30 MB page of pasted
    /// Word markup or inline images) is read from its first part only, so that its dates do not cost a second whole DOM.
    /// </summary>
    internal const int MarkupPrefix = 1024 * 1024;

    public static IReadOnlyList<PublicationDate> Read(Uri url, ReadOnlySpan<byte> body, string? contentType)
    {
        var html = HtmlDecoding.Decode(body, contentType).Text;
        var page = HtmlPage.Parse(url, html.Length > MarkupPrefix ? html[..MarkupPrefix] : html);
        var dates = new List<PublicationDate>();
        if (PageDates.FromMeta(MetaTags(page.Document)) is { } meta) dates.Add(meta);
        if (PageDates.FromText(VisibleText(page.Document)) is { } line) dates.Add(line);
        return dates;
    }

    private static IEnumerable<KeyValuePair<string, string>> MetaTags(HtmlDocument document)
    {
        var metas = document.DocumentNode.SelectNodes("//meta[@content]");
        if (metas is null) yield break;
        foreach (var meta in metas)
        {
            var name = meta.GetAttributeValue("name", null) ?? meta.GetAttributeValue("property", null) ?? meta.GetAttributeValue("itemprop", null);
            if (name is not null) yield return new(name, HtmlEntity.DeEntitize(meta.GetAttributeValue("content", "")));
        }
    }

    private static string VisibleText(HtmlDocument document)
    {
        var body = document.DocumentNode.SelectSingleNode("//body") ?? document.DocumentNode;
        var text = new System.Text.StringBuilder();
        foreach (var node in body.DescendantsAndSelf())
        {
            if (node.NodeType != HtmlNodeType.Text || node.Ancestors().Any(a => a.Name is "script" or "style" or "noscript")) continue;
            text.Append(HtmlEntity.DeEntitize(node.InnerText)).Append(' ');
            if (text.Length > TextPrefix) break;
        }
        return HtmlPage.Collapse(text.ToString()) ?? "";
    }
}
