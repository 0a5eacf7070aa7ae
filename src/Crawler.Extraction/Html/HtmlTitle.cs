using HtmlAgilityPack;

namespace Crawler.Extraction.Html;

/// <summary>
/// The article's title: the CMS's &lt;meta name="ArticleTitle"&gt; (TRS), else the first &lt;h1&gt; in
/// or just before the body, else the &lt;title&gt; without the site name CMSs append ("…_某某市人民政府").
/// </summary>
internal static class HtmlTitle
{
    private static readonly string[] Separators = ["_", "|", " - ", "－", "—", "-"];

    public static string? Find(HtmlDocument page, HtmlNode body)
    {
        var meta = page.DocumentNode.SelectSingleNode("//meta[translate(@name,'ARTICLETITLE','articletitle')='articletitle']")
            ?.GetAttributeValue("content", null);
        if (Text(meta) is { } fromMeta) return fromMeta;

        var heading = body.Descendants("h1").FirstOrDefault()
                      ?? page.DocumentNode.Descendants("h1").FirstOrDefault(h => Text(h.InnerText) is { Length: >= 6 });
        if (heading is not null && Text(heading.InnerText) is { } fromHeading) return fromHeading;

        var title = Text(page.DocumentNode.SelectSingleNode("//title")?.InnerText);
        if (title is null) return null;
        foreach (var separator in Separators)
        {
            if (title.Contains(separator))
                return title.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).MaxBy(p => p.Length);
        }
        return title;
    }

    private static string? Text(string? raw)
    {
        if (raw is null) return null;
        var text = HtmlText.Clean(raw);
        return text.Length == 0 ? null : text;
    }
}
