namespace Crawler.Pipeline.Discovery.ListPages;

/// <summary>A list page (or a page of list data) to fetch: a column's next page, a dataproxy.jsp window, an API page.</summary>
public sealed record ListPageRequest(Uri Url, ListFormat Format)
{
    /// <summary>Form fields to POST; null for GET.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }
}
