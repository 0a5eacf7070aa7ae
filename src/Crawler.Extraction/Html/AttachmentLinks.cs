using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace Crawler.Extraction.Html;

/// <summary>
/// Links in the article body that point at a document the crawler should fetch: &lt;a href&gt; to
/// document files (<see cref="AttachmentFiles"/>, the list discovery uses too), a pdf.js viewer's <c>?file=</c> parameter, iframe/embed/object
/// sources, and <c>window.open('…')</c> handlers. Relative links are made absolute against
/// &lt;base href&gt; or the page's own URL; without either they stay relative.
/// When the table section is pasted as images (the body mentions 收到和处理政府信息公开申请情况 but holds
/// no &lt;table&gt;), the images are listed too, so the crawler can fetch and OCR them.
/// </summary>
internal static partial class AttachmentLinks
{
    public static IReadOnlyList<AttachmentLink> Find(HtmlDocument page, HtmlNode body, string pageName)
    {
        var baseUri = BaseUri(page, pageName);
        var found = new List<AttachmentLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Add(string? raw, string? text, bool requireDocument)
        {
            var target = Target(raw);
            if (target is null || (requireDocument && !IsDocument(target))) return;
            var uri = Resolve(baseUri, target);
            if (uri is not null && seen.Add(uri.ToString()))
                found.Add(new AttachmentLink(uri, string.IsNullOrWhiteSpace(text) ? null : text));
        }

        foreach (var node in body.DescendantsAndSelf().Where(n => n.NodeType == HtmlNodeType.Element))
        {
            var text = HtmlText.Clean(node.InnerText);
            switch (node.Name)
            {
                case "a":
                    Add(node.GetAttributeValue("href", null), text, requireDocument: true);
                    break;
                case "iframe" or "embed" or "frame":
                    Add(node.GetAttributeValue("src", null), node.GetAttributeValue("title", null), requireDocument: !IsPdfType(node));
                    break;
                case "object":
                    Add(node.GetAttributeValue("data", null), null, requireDocument: !IsPdfType(node));
                    break;
            }
            var onclick = node.GetAttributeValue("onclick", null);
            if (onclick is not null && WindowOpen().Match(onclick) is { Success: true } open)
                Add(open.Groups[2].Value, text, requireDocument: true);
        }

        if (body.Descendants("table").FirstOrDefault() is null && HtmlText.Clean(body.InnerText).Contains("收到和处理政府信息公开申请情况"))
        {
            foreach (var image in body.Descendants("img"))
                Add(image.GetAttributeValue("src", null), "表格图片（需 OCR）", requireDocument: false);
        }
        return found;
    }

    /// <summary>Whether an href leads to a document file, directly, through a pdf.js viewer or a window.open script.</summary>
    public static bool LeadsToDocument(string? href) => Target(href) is { } target && IsDocument(target);

    /// <summary>The document a link leads to: a javascript:window.open target, a pdf.js viewer's file, or the link itself.</summary>
    private static string? Target(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var value = HtmlText.Decode(raw).Trim();
        if (value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            var open = WindowOpen().Match(value);
            if (!open.Success) return null;
            value = open.Groups[2].Value;
        }
        // An embedded data: image (LeanMarkup keeps only its type) is in the page already: there is nothing to fetch.
        if (value.StartsWith('#') || value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return null;
        var viewer = PdfViewerFile().Match(value);
        if (viewer.Success) return Uri.UnescapeDataString(viewer.Groups[1].Value);
        return value;
    }

    private static bool IsDocument(string target) => AttachmentFiles.IsDocument(target);

    private static bool IsPdfType(HtmlNode node) =>
        node.GetAttributeValue("type", "").Contains("pdf", StringComparison.OrdinalIgnoreCase);

    private static Uri? BaseUri(HtmlDocument page, string pageName)
    {
        Uri.TryCreate(pageName, UriKind.Absolute, out var pageUri);
        if (pageUri is not null && pageUri.Scheme is not ("http" or "https")) pageUri = null;
        var declared = page.DocumentNode.SelectSingleNode("//base[@href]")?.GetAttributeValue("href", null);
        if (string.IsNullOrWhiteSpace(declared)) return pageUri;
        return Resolve(pageUri, HtmlText.Decode(declared).Trim()) is { IsAbsoluteUri: true } b ? b : pageUri;
    }

    private static Uri? Resolve(Uri? baseUri, string target)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return absolute;
        if (baseUri is not null && Uri.TryCreate(baseUri, target, out var resolved)) return resolved;
        return Uri.TryCreate(target, UriKind.Relative, out var relative) ? relative : null;
    }

    [GeneratedRegex(@"window\.open\s*\(\s*(['""])(.+?)\1", RegexOptions.IgnoreCase)]
    private static partial Regex WindowOpen();

    [GeneratedRegex(@"viewer(?:\.html?)?\?(?:[^#]*&)?file=([^&#]+)", RegexOptions.IgnoreCase)]
    private static partial Regex PdfViewerFile();
}
