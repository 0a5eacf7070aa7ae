using Crawler.Extraction.Html;
using System.Text.RegularExpressions;

namespace Crawler.Pipeline.Discovery.Pages;

/// <summary>
/// Finds document attachments on a report page: &lt;a&gt; links, &lt;iframe&gt;/&lt;embed&gt;/&lt;object&gt;
/// sources, pdf.js viewers (viewer.html?file=…) and window.open('…') calls whose target is a document file
/// (<see cref="AttachmentFiles"/>).
/// </summary>
public static partial class AttachmentFinder
{
    public static IReadOnlyList<PageLink> Find(HtmlPage page)
    {
        var found = new List<PageLink>();
        foreach (var link in page.Anchors()) Add(found, Unwrap(link.Url), link.Text, link.Title);

        var frames = page.Document.DocumentNode.SelectNodes("//iframe[@src]|//embed[@src]|//object[@data]");
        foreach (var node in frames ?? Enumerable.Empty<HtmlAgilityPack.HtmlNode>())
        {
            var url = UrlKey.Resolve(page.BaseUrl, node.GetAttributeValue("src", null) ?? node.GetAttributeValue("data", null));
            if (url is not null) Add(found, Unwrap(url), "", null);
        }

        foreach (Match match in WindowOpen().Matches(page.Html))
        {
            var url = UrlKey.Resolve(page.BaseUrl, match.Groups[1].Value);
            if (url is not null) Add(found, Unwrap(url), "", null);
        }
        return found;
    }

    private static void Add(List<PageLink> found, Uri url, string text, string? title)
    {
        if (!AttachmentFiles.IsDocument(url)) return;
        var key = UrlKey.Of(url);
        var existing = found.FindIndex(l => UrlKey.Of(l.Url) == key);
        if (existing < 0) found.Add(new PageLink(url, text) { Title = title });
        else if (found[existing].Text.Length == 0 && text.Length > 0) found[existing] = new PageLink(url, text) { Title = title };
    }

    /// <summary>pdf.js viewers wrap the real file: …/viewer.html?file=/upload/report.pdf</summary>
    private static Uri Unwrap(Uri url)
    {
        if (!url.AbsolutePath.Contains("viewer", StringComparison.OrdinalIgnoreCase)) return url;
        var file = url.Query.TrimStart('?').Split('&').FirstOrDefault(p => p.StartsWith("file=", StringComparison.OrdinalIgnoreCase));
        return file is not null && UrlKey.Resolve(url, Uri.UnescapeDataString(file[5..])) is { } inner ? inner : url;
    }

    [GeneratedRegex(@"window\.open\(\s*['""]([^'""]+)['""]")]
    private static partial Regex WindowOpen();
}
