using Crawler.Pipeline.Discovery.Pages;

namespace Crawler.Pipeline.Discovery.ListPages;

/// <summary>What the readers found on one list page: item links and further pages of the same list.</summary>
public sealed class ListPageFindings
{
    public List<PageLink> Items { get; } = [];

    public List<ListPageRequest> MorePages { get; } = [];
}
