using Crawler.Pipeline.Discovery.ListPages;

namespace Crawler.Pipeline.Discovery;

/// <summary>One step of a source's crawl: a list page to read, or a document to fetch and hand on.</summary>
internal sealed record CrawlTask(CrawlTaskKind Kind, Uri Url, int Depth)
{
    public ListPageRequest? List { get; init; }

    public Uri? Parent { get; init; }

    public string? LinkText { get; init; }

    public int? Year { get; init; }

    /// <summary>The date printed beside the list entry that led here; attachments inherit their page's.</summary>
    public DateOnly? ListedOn { get; init; }
}
