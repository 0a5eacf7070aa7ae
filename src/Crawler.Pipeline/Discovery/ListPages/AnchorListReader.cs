using System.Text.RegularExpressions;
using Crawler.Pipeline.Discovery.Pages;

namespace Crawler.Pipeline.Discovery.ListPages;

/// <summary>
/// Plain lists: every anchor is an item; "下一页" links, and numbered page links in the same folder (/2.html,
/// index_2.html, ?page=2 on ASP.NET sites), are further pages.
/// </summary>
public sealed partial class AnchorListReader : IListPageReader
{
    private static readonly string[] NextWords = ["下一页", "下页", "后一页", "下一頁", "next", "nextpage", ">", ">>", "»"];

    public void Read(HtmlPage page, ListPageFindings findings)
    {
        foreach (var link in page.Anchors())
        {
            var text = link.Text.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            if (NextWords.Contains(text) || (PageNumber().IsMatch(text) && SameList(page.Url, link.Url)))
                findings.AddPage(new ListPageRequest(link.Url, ListFormat.Html));
            else
                findings.AddItem(link);
        }
    }

    private static bool SameList(Uri page, Uri link) =>
        page.Host == link.Host && page.Port == link.Port && Folder(page) == Folder(link) && page.AbsoluteUri != link.AbsoluteUri;

    private static string Folder(Uri url) => url.AbsolutePath[..(url.AbsolutePath.LastIndexOf('/') + 1)];

    [GeneratedRegex(@"^\[?\d{1,4}\]?$")]
    private static partial Regex PageNumber();
}
