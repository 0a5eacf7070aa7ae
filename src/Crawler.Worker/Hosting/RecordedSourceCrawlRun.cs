using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;

namespace Crawler.Worker.Hosting;

/// <summary>
/// Each source's crawl, recorded in the state database as it starts and ends (outcome, counts, first problem) so that
/// <c>crawler status</c> can say when a source last ran and how; <c>crawl --once</c> and the scheduled jobs both go through it.
/// </summary>
public sealed class RecordedSourceCrawlRun(SourceCrawlRun run, ICrawlRunLog log, TimeProvider time) : ISourceCrawlRun
{
    public async Task<SourceCrawlSummary> RunAsync(Source source, CancellationToken cancellationToken)
    {
        var id = await log.StartedAsync(source.Id, source.Agency, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        try
        {
            var summary = await run.RunAsync(source, cancellationToken).ConfigureAwait(false);
            await log.FinishedAsync(id, new CrawlRunRecord
            {
                SourceId = source.Id,
                Agency = source.Agency,
                StartedAt = default,
                FinishedAt = time.GetUtcNow(),
                Outcome = CrawlOutcomes.Of(summary).Name(),
                Documents = summary.DocumentsFetched,
                NewReports = summary.NewReports,
                NewVersions = summary.NewVersions,
                Failures = summary.Failures,
                Problem = summary.Problems.Count == 0 ? null : summary.Problems[0] + (summary.Problems.Count > 1 ? $" (+{summary.Problems.Count - 1})" : ""),
            }, CancellationToken.None).ConfigureAwait(false);
            return summary;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await log.FinishedAsync(id, new CrawlRunRecord
            {
                SourceId = source.Id, Agency = source.Agency, StartedAt = default, FinishedAt = time.GetUtcNow(), Outcome = CrawlOutcome.Failed.Name(), Problem = e.Message,
            }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
