namespace Crawler.Worker.Tests.EndToEnd;

/// <summary>
/// Tests that crawl the bundled sample site run one at a time: the site prefers one fixed port (so a second crawl
/// sees the same URLs and gets 304s), and two crawls at once would push one of them onto a random port.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SampleSiteCollection
{
    public const string Name = "sample site";
}
