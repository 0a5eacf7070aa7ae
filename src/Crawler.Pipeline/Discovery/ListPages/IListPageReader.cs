using Crawler.Pipeline.Discovery.Pages;

namespace Crawler.Pipeline.Discovery.ListPages;

/// <summary>One CMS family's way of listing items and paginating; every reader sees every HTML list page.</summary>
public interface IListPageReader
{
    void Read(HtmlPage page, ListPageFindings findings);
}
