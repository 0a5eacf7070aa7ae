using Crawler.Pipeline.Discovery.ListPages;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Discovery;

/// <summary>
/// Walks one source: start URLs → 年报 columns and their pagination (every CMS family's list format) → report
/// pages → their attachments, bounded by <see cref="DiscoveryOptions"/>, staying on the source's site and never
/// visiting a URL twice. Each report page and report attachment is handed to <c>onDocument</c> as it is found;
/// the receiver owns its body file. Failures of single URLs are collected in the result, never thrown.
/// </summary>
public sealed class SourceCrawler(
    PoliteFetcher fetcher,
    IOptions<DiscoveryOptions> options,
    TimeProvider time,
    ILogger<SourceCrawler> logger,
    IFetchLedger? ledger = null,
    IArchivedContent? archive = null)
{
    /// <param name="onListPage">Told of every list-page exchange (archive, WARC); the body file stays the crawler's.</param>
    /// <param name="onProgress">Told (documents done, documents queued so far) as the crawl goes.</param>
    /// <param name="passEndsAt">When the crawl pass must end (<see cref="CrawlPassBudget"/>): the crawl stops then, even mid-request.</param>
    public async Task<SourceCrawlResult> CrawlAsync(Source source, Func<CrawledDocument, CancellationToken, ValueTask> onDocument, CancellationToken cancellationToken,
        Func<FetchedResponse, CancellationToken, ValueTask>? onListPage = null, Action<int, int>? onProgress = null, DateTimeOffset? passEndsAt = null)
    {
        DiscoveryLog.Started(logger, source.Id, source.Agency, source.StartUrls.Count);
        // The source's client lives as long as its crawl: thousands of sources must not each keep one open.
        using var connections = fetcher.Retain(source);
        var run = new CrawlRun(source, fetcher, options.Value, ListPageReading.Default, logger, time, onDocument)
        {
            Ledger = ledger,
            Archive = archive,
            OnListPage = onListPage,
            OnProgress = onProgress,
            PassEndsAt = passEndsAt,
        };
        var result = await run.RunAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        DiscoveryLog.Finished(logger, source.Id, result.ListPagesFetched, result.DocumentsFound, result.DocumentsUnchanged, result.Problems.Count);
        return result;
    }
}
