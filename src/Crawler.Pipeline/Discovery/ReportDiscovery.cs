using Crawler.Pipeline.Discovery.ListPages;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Discovery;

/// <summary>
/// The discover stage: <see cref="Discover"/> starts one <see cref="SourceDiscovery"/> of a source — a stream of every fetch
/// it makes: its list pages (<see cref="DocumentRole.ListPage"/>, kept for the record), report pages and report attachments,
/// bounded by <see cref="DiscoveryOptions"/>, staying on the source's site and never visiting a URL twice.
/// </summary>
public sealed class ReportDiscovery(
    PoliteFetcher fetcher,
    IOptions<DiscoveryOptions> options,
    TimeProvider time,
    ILogger<ReportDiscovery> logger,
    IFetchLedger? ledger = null,
    IArchivedContent? archive = null)
{
    /// <param name="cancellationToken">Shutdown: throws out of the stream (a document already yielded is its consumer's to finish).</param>
    /// <param name="onProgress">Told (documents done, documents queued so far) as the crawl goes.</param>
    /// <param name="passEndsAt">When the crawl pass must end (<see cref="Crawling.CrawlPassBudget"/>): discovery stops then, even mid-request.</param>
    public SourceDiscovery Discover(Source source, CancellationToken cancellationToken,
        Action<int, int>? onProgress = null, DateTimeOffset? passEndsAt = null) =>
        new(source, fetcher, options.Value, ListPageReading.Default, logger, time, cancellationToken)
        {
            Ledger = ledger,
            Archive = archive,
            OnProgress = onProgress,
            PassEndsAt = passEndsAt,
        };
}
