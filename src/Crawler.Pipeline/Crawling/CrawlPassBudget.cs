namespace Crawler.Pipeline.Crawling;

/// <summary>
/// The time budget of one crawl pass over many sources (<c>crawl --once</c>): <c>Crawl:MaxPassDuration</c>, 6 hours by
/// default. When it is up, the sources still crawling stop — even mid-request — and leave their waiting URLs for the next
/// pass, and the sources not started yet are not crawled; both are reported. Each source also keeps its own budget
/// (<c>Discovery:MaxSourceDuration</c>).
/// </summary>
public static class CrawlPassBudget
{
    public const string Key = "Crawl:MaxPassDuration";

    public static readonly TimeSpan Default = TimeSpan.FromHours(6);
}
