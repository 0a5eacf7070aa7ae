using System.Diagnostics;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Telemetry;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline;

/// <summary>
/// Level 2 of a crawl (inside <c>CrawlPass</c>, around one <see cref="SourceDiscovery"/>): the crawl of one source, top to
/// bottom. Discovery yields every fetch as soon as it is made: a list page is archived and goes into this crawl's WARC file for
/// the record; a report document is processed to the end with <see cref="CancellationToken.None"/> (a document fetched is never
/// lost to a shutdown) — archive → extract → parse → validate → store → announce (<see cref="DocumentProcessor"/>) — and the
/// processor owns and deletes its body file. Once the stream ends, discovery's result (counts, limits
/// reached, problems) and the outcomes add up to the source's summary line.
/// </summary>
public sealed class ReportPipeline(
    ReportDiscovery discovery,
    DocumentProcessor processor,
    WarcWriterFactory warcs,
    CrawlerMetrics metrics,
    TimeProvider time,
    ILogger<ReportPipeline> logger,
    ICrawlProgress? progress = null) : ISourceCrawlRun
{
    public async Task<SourceCrawlSummary> RunAsync(Source source, CancellationToken cancellationToken, DateTimeOffset? passEndsAt = null)
    {
        var started = Stopwatch.GetTimestamp();
        var outcomes = new List<ProcessingOutcome>();
        SourceCrawlResult result;
        await using (var warc = warcs.Create(time.GetUtcNow()))
        {
            // Discover: cancelling (shutdown) or a budget running out (Discovery:MaxSourceDuration, Crawl:MaxPassDuration)
            // stops the stream; list pages are fetches too, and archivists get every exchange of the crawl in its WARC file.
            var documents = discovery.Discover(source, cancellationToken,
                onProgress: progress is null ? null : (done, found) => progress.Report(source, done, found),
                passEndsAt: passEndsAt);
            await foreach (var document in documents.ConfigureAwait(false))
            {
                if (document.Role == DocumentRole.ListPage)
                {
                    // Archived and written to the WARC for the record, never processed as a report; its body file is ours.
                    try
                    {
                        await processor.ArchiveFetchAsync(source.Id, document.Response, warc, CancellationToken.None).ConfigureAwait(false);
                    }
                    finally
                    {
                        if (document.Response.BodyFile is { } listBody) File.Delete(listBody);
                    }
                    continue;
                }
                metrics.DocumentFetched(source.Id);
                // Archive → extract → parse → validate → store → announce. The document in hand is finished even when
                // shutdown has been requested: its body is already downloaded, and stopping half-way would leave it to be
                // fetched again.
                var outcome = await processor.ProcessAsync(document, warc, CancellationToken.None).ConfigureAwait(false);
                Count(source, outcome);
                outcomes.Add(outcome);
                // What extraction found the page linking feeds the frontier: fetched next, as the page's attachments.
                documents.Follow(document, outcome.Attachments.Select(a => (a.Url, a.Text)));
            }
            result = documents.Result;
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
