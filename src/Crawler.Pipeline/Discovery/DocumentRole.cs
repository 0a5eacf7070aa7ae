namespace Crawler.Pipeline.Discovery;

/// <summary>Why discovery handed a document on.</summary>
public enum DocumentRole
{
    /// <summary>An article page whose link text or title names an annual disclosure report.</summary>
    ReportPage,

    /// <summary>A PDF/DOC/DOCX/WPS linked from a report page; the page is kept as context.</summary>
    ReportAttachment,

    /// <summary>
    /// A list page — a column, its pagination, a CMS data response — archived and written to the WARC for the record,
    /// never processed as a report.
    /// </summary>
    ListPage,
}
