namespace Crawler.Reports.Publication;

/// <summary>
/// Where a publication date was read, in the order of precedence (docs/publication-dates.md): the page's own
/// metadata and its 发布时间 line, the URL, the list entry that linked the report, the document's own dates,
/// HTTP Last-Modified, and — only when nothing else exists — when the crawler first fetched it.
/// </summary>
public enum DateSource
{
    /// <summary>A CMS meta tag of the report page: PubDate, firstpublishedtime, ArticleDate …</summary>
    PageMetadata,

    /// <summary>The page's 发布时间 / 发布日期 / 成文日期 line.</summary>
    PageText,

    /// <summary>A date in the page's or the document's URL (t20240125_…, /art/2024/1/29/, /202401/, /2024/0130/).</summary>
    Url,

    /// <summary>The date printed beside the report's entry on the list page that linked it.</summary>
    ListEntry,

    /// <summary>The date under the signature (落款) at the end of the report.</summary>
    Signature,

    /// <summary>The creation date a PDF or DOCX carries in its document properties.</summary>
    DocumentCreated,

    /// <summary>HTTP Last-Modified of the document (often only when a CMS last re-published the file).</summary>
    LastModified,

    /// <summary>When the crawler first fetched the document: used only when nothing else gives a date.</summary>
    FirstFetched,
}
