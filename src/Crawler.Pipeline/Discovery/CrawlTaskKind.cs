namespace Crawler.Pipeline.Discovery;

internal enum CrawlTaskKind
{
    ListPage,
    ReportPage,
    Attachment,
}
