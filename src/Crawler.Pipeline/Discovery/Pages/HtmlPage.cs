using Crawler.Extraction.Html;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace Crawler.Pipeline.Discovery.Pages;

/// <summary>A fetched HTML page, decoded, with its title and links resolved against its URL (or its &lt;base&gt;).</summary>
public sealed partial class HtmlPage
{
    private HtmlPage(Uri url, string html, HtmlDocument document)
    {
        Url = url;
        Html = html;
        Document = document;
        var baseHref = document.DocumentNode.SelectSingleNode("//base[@href]")?.GetAttributeValue("href", null);
        BaseUrl = UrlKey.Resolve(url, baseHref) ?? url;
    }

    public Uri Url { get; }

    public Uri BaseUrl { get; }

    public string Html { get; }

    public HtmlDocument Document { get; }

    /// <summary>TRS's ArticleTitle meta when present (the &lt;title&gt; often carries the site name too), else &lt;title&gt;.</summary>
    public string? Title =>
        Meta("ArticleTitle") ?? Collapse(Document.DocumentNode.SelectSingleNode("//title")?.InnerText);

    /// <summary>
    /// Where a page names itself, most specific first: ArticleTitle, &lt;title&gt;, headings and title-like blocks,
    /// then the start of the text (Hanweb's xxgkAnnualReport.jsp often has a generic &lt;title&gt;).
    /// </summary>
    public IEnumerable<string> Names()
    {
        if (Meta("ArticleTitle") is { } article) yield return article;
        if (Collapse(Document.DocumentNode.SelectSingleNode("//title")?.InnerText) is { } title) yield return title;
        var headings = Document.DocumentNode.SelectNodes("//h1|//h2|//h3|//*[contains(@class,'title')]");
        foreach (var heading in (headings ?? Enumerable.Empty<HtmlNode>()).Take(10))
        {
            if (Collapse(heading.InnerText) is { Length: <= 100 } text) yield return text;
        }
        var body = Collapse(Document.DocumentNode.SelectSingleNode("//body")?.InnerText);
        if (body is not null) yield return body.Length > 300 ? body[..300] : body;
    }

    public static HtmlPage Parse(Uri url, ReadOnlySpan<byte> bytes, string? contentType) => Parse(url, HtmlDecoding.Decode(bytes, contentType).Text);

    public static HtmlPage Parse(Uri url, string html) => Parse(url, html, LeanMarkup.Of(html));

    /// <summary>A report page, read for its names and document links only (<see cref="LeanMarkup.ReportPage"/>): its other links are text.</summary>
    public static HtmlPage ParseReportPage(Uri url, ReadOnlySpan<byte> bytes, string? contentType)
    {
        var html = HtmlDecoding.Decode(bytes, contentType).Text;
        return Parse(url, html, LeanMarkup.ReportPage(html));
    }

    private static HtmlPage Parse(Uri url, string html, string lean)
    {
        var document = new HtmlDocument { OptionFixNestedTags = true };
        document.LoadHtml(lean);
        return new HtmlPage(url, html, document);
    }

    /// <summary>Every &lt;a href&gt; with its text; links to other schemes and bare fragments are skipped.</summary>
    public IEnumerable<PageLink> Anchors() => AnchorsIn(Document.DocumentNode, BaseUrl);

    public static IEnumerable<PageLink> AnchorsIn(HtmlNode root, Uri baseUrl)
    {
        var anchors = root.SelectNodes(".//a[@href]");
        if (anchors is null) yield break;
        foreach (var anchor in anchors)
        {
            var url = UrlKey.Resolve(baseUrl, anchor.GetAttributeValue("href", null));
            if (url is null) continue;
            var title = Collapse(anchor.GetAttributeValue("title", null));
            yield return new PageLink(url, Collapse(anchor.InnerText) ?? "") { Title = title, ListedOn = ListEntryDate.Of(anchor) };
        }
    }

    public string? Meta(string name)
    {
        var node = Document.DocumentNode.SelectSingleNode($"//meta[@name='{name}']") ?? Document.DocumentNode.SelectSingleNode($"//meta[@name='{name.ToLowerInvariant()}']");
        return Collapse(node?.GetAttributeValue("content", null));
    }

    public static string? Collapse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var decoded = HtmlEntity.DeEntitize(text);
        return Whitespace().Replace(decoded, " ").Trim();
    }

    [GeneratedRegex(@"[\s\u00a0\u3000]+")]
    private static partial Regex Whitespace();
}
