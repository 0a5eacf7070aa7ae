using Crawler.Pipeline.Discovery.Pages;

namespace Crawler.Pipeline.Discovery.ListPages;

/// <summary>
/// What the readers found on one list page: item links and further pages of the same list, each bounded. A page may
/// link 100,000 items or declare a million pages; only what fits is kept, and the rest is counted, so the memory a
/// page costs never depends on what it declares. Readers stop generating pages when <see cref="AddPage"/> says no.
/// </summary>
public sealed class ListPageFindings(int maxItems = int.MaxValue, int maxPages = int.MaxValue)
{
    private readonly List<PageLink> items = [];
    private readonly List<ListPageRequest> morePages = [];

    public IReadOnlyList<PageLink> Items => items;

    public IReadOnlyList<ListPageRequest> MorePages => morePages;

    /// <summary>Items beyond the limit, counted but not kept.</summary>
    public int ItemsDropped { get; private set; }

    /// <summary>Further pages beyond the limit (declared or linked), counted but not kept.</summary>
    public long PagesDropped { get; private set; }

    /// <summary>The largest page count the page declared (TRS createPageHTML, Hanweb totalRecord, gkmlpt total).</summary>
    public long? DeclaredPages { get; private set; }

    public int MaxItems => maxItems;

    public int MaxPages => maxPages;

    public bool AddItem(PageLink link)
    {
        if (items.Count >= maxItems)
        {
            ItemsDropped++;
            return false;
        }
        items.Add(link);
        return true;
    }

    /// <summary>Keeps the page if there is room; false when full (a reader generating pages stops there).</summary>
    public bool AddPage(ListPageRequest page)
    {
        if (morePages.Count >= maxPages)
        {
            PagesDropped++;
            return false;
        }
        morePages.Add(page);
        return true;
    }

    /// <summary>A page count the list declares; the pages beyond <see cref="MaxPages"/> are counted as dropped without being made.</summary>
    public void Declare(long pages, int alreadyMade)
    {
        DeclaredPages = Math.Max(DeclaredPages ?? 0, pages);
        var beyond = pages - 1 - alreadyMade;
        if (beyond > 0) PagesDropped += beyond;
    }
}
