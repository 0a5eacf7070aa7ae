namespace Crawler.Pipeline.Discovery;

/// <summary>Bounds of one source's crawl (configuration section "Discovery"): no site can keep the crawler forever.</summary>
public sealed record DiscoveryOptions
{
    public const string SectionName = "Discovery";

    /// <summary>Column hops from a start URL: home page (0) → 年报 column (1) → year sub-column (2).</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>List pages (including pagination and dataproxy/API pages) fetched per source and crawl.</summary>
    public int MaxListPages { get; init; } = 60;

    /// <summary>Report pages and attachments fetched per source and crawl.</summary>
    public int MaxDocuments { get; init; } = 200;

    /// <summary>Links considered per list page; a page linking thousands of items is cut here.</summary>
    public int MaxLinksPerPage { get; init; } = 2000;

    public int MaxAttachmentsPerPage { get; init; } = 10;

    /// <summary>Further pages of one list taken from what a page declares or links (a million declared pages cost nothing beyond these).</summary>
    public int MaxDeclaredPages { get; init; } = 200;

    /// <summary>URLs waiting in a source's frontier at once; more are dropped and reported.</summary>
    public int MaxQueuedUrls { get; init; } = 5000;

    /// <summary>A source's time for one pass: when it runs out, the URLs still waiting are left for the next pass, and that is reported.</summary>
    public TimeSpan MaxSourceDuration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Report years a <c>{year}</c> start URL expands to, counting back from last year.</summary>
    public int TemplateYears { get; init; } = 3;
}
