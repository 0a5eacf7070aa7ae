using Crawler.Pipeline.Sources;

namespace Crawler.Pipeline.Crawling;

/// <summary>
/// Told as a source's crawl finds and finishes report documents: the command line's live "n of m documents".
/// <paramref name="found"/> grows while discovery reads list pages, so it is "of the documents found so far".
/// </summary>
public interface ICrawlProgress
{
    void Report(Source source, int done, int found);
}
