using Crawler.Pipeline;
using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;

namespace Crawler.Worker.Hosting;

/// <summary>
/// Level 2 of a crawl, as the worker runs it: each source's crawl (<see cref="ReportPipeline"/>), recorded in the state database when it ends (outcome, counts, first problem) so that
/// <c>crawler status</c> can say when a source last ran and how; <c>crawl --once</c> and the scheduled jobs both go through it.
/// </summary>
public sealed class RecordedSourceCrawlRun(ReportPipeline run, ICrawlRunLog log, TimeProvider time) : ISourceCrawlRun
{
    public async Task<SourceCrawlSummary> RunAsync(Source source, CancellationToken cancellationToken, DateTimeOffset? passEndsAt = null)
    {
        var started = time.GetUtcNow();
        try
        {
            var summary = await run.RunAsync(source, cancellationToken, passEndsAt).ConfigureAwait(false);
            await log.RecordAsync(new CrawlRunRecord
            {
                SourceId = source.Id,
                Agency = source.Agency,
                StartedAt = started,
                FinishedAt = time.GetUtcNow(),
                Outcome = CrawlOutcomes.Of(summary).Name(),
                Documents = summary.DocumentsFetched,
                NewReports = summary.NewReports,
                NewVersions = summary.NewVersions,
                Failures = summary.Failures,
                Problems = summary.Problems,
            }, CancellationToken.None).ConfigureAwait(false);
            return summary;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await log.RecordAsync(new CrawlRunRecord
            {
                SourceId = source.Id, Agency = source.Agency, StartedAt = started, FinishedAt = time.GetUtcNow(), Outcome = CrawlOutcome.Failed.Name(), Problems = [e.Message],
            }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
