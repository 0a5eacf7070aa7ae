using System.Diagnostics;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Telemetry;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Crawling;

/// <summary>
/// One pass over one source: discovery hands each report document to processing as soon as it is fetched,
/// every exchange goes into this pass's WARC file, and the outcomes add up to the source's summary line.
/// </summary>
public sealed class SourceCrawlRun(
    ReportDiscovery crawler,
    DocumentProcessor processor,
    WarcWriterFactory warcs,
    CrawlerMetrics metrics,
    TimeProvider time,
    ILogger<SourceCrawlRun> logger,
    ICrawlProgress? progress = null) : ISourceCrawlRun
{
    public async Task<SourceCrawlSummary> RunAsync(Source source, CancellationToken cancellationToken, DateTimeOffset? passEndsAt = null)
    {
        var started = Stopwatch.GetTimestamp();
        var outcomes = new List<ProcessingOutcome>();
        SourceCrawlResult result;
        await using (var warc = warcs.Create(time.GetUtcNow()))
        {
            var discovery = crawler.Discover(source, cancellationToken,
                // List pages are fetches too: archivists get every exchange of the crawl in its WARC file.
                async (listPage, _) => await processor.ArchiveFetchAsync(source.Id, listPage, warc, CancellationToken.None).ConfigureAwait(false),
                progress is null ? null : (done, found) => progress.Report(source, done, found), passEndsAt);
            await foreach (var document in discovery.ConfigureAwait(false))
            {
                metrics.DocumentFetched(source.Id);
                // The document in hand is finished even when shutdown has been requested: its body is already
                // downloaded, and stopping half-way would leave it to be fetched again.
                var outcome = await processor.ProcessAsync(document, warc, CancellationToken.None).ConfigureAwait(false);
                Count(source, outcome);
                outcomes.Add(outcome);
            }
            result = discovery.Result;
        }
        var summary = Summarize(source, result, outcomes, Stopwatch.GetElapsedTime(started));
        CrawlLog.SourceFinished(logger, source.Id, summary.NewReports, summary.NewVersions, summary.Unchanged, summary.Failures, summary.Problems.Count);
        return summary;
    }

    private void Count(Source source, ProcessingOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case ProcessingOutcomeKind.NewReport or ProcessingOutcomeKind.NewVersion:
                metrics.ReportFound(source.Id);
                break;
            case ProcessingOutcomeKind.Failed:
                metrics.ParseFailed(source.Id);
                break;
        }
    }

    private static SourceCrawlSummary Summarize(Source source, SourceCrawlResult result, List<ProcessingOutcome> outcomes, TimeSpan elapsed)
    {
        int Of(ProcessingOutcomeKind kind) => outcomes.Count(o => o.Kind == kind);
        var problems = result.Problems.Select(p => $"{p.Url}: {p.Error}")
            .Concat(outcomes.Where(o => o.Kind == ProcessingOutcomeKind.Failed).Select(o => $"{o.Url}: {o.Reason}"))
            .Concat(result.LimitsReached.Select(limit => "已达上限 (limit reached): " + limit))
            .Distinct()
            .ToList();
        return new SourceCrawlSummary(source.Id, source.Agency)
        {
            DocumentsFetched = outcomes.Count,
            NewReports = Of(ProcessingOutcomeKind.NewReport),
            NewVersions = Of(ProcessingOutcomeKind.NewVersion),
            Unchanged = Of(ProcessingOutcomeKind.Unchanged),
            NotReports = Of(ProcessingOutcomeKind.NotAReport),
            Failures = Of(ProcessingOutcomeKind.Failed) + result.Problems.Count,
            Blocked = result.Blocked,
            Problems = problems,
            Elapsed = elapsed,
        };
    }
}
