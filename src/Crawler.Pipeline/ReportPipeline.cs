using System.Diagnostics;
using Crawler.Extraction;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Telemetry;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline;

/// <summary>
/// The pipeline, top to bottom. Level 2 of a crawl (inside <c>CrawlPass</c>, around one <see cref="SourceDiscovery"/>): the
/// crawl of one source (<see cref="RunAsync"/>). Discovery yields every fetch as soon as it is made: a list page is archived
/// and goes into this crawl's WARC file for the record; a report document goes through the per-document stages
/// (<see cref="ProcessAsync"/>) to the end with <see cref="CancellationToken.None"/> (a document fetched is never lost to a
/// shutdown): archive → extract → parse → validate → store → announce. Each stage ends the document's way when it must (a
/// failed fetch, the same bytes again, quarantine, not a report, the same report again) and records why; its code lives in
/// its folder (<see cref="DocumentStages"/>). Once the stream ends, discovery's result (counts, limits reached, problems)
/// and the outcomes add up to the source's summary line.
/// </summary>
public sealed class ReportPipeline(
    ReportDiscovery discovery,
    DocumentStages stages,
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
                    // Archived and written to the WARC for the record, never processed as a report.
                    await stages.Archive.ArchiveListPageAsync(document, warc, CancellationToken.None).ConfigureAwait(false);
                    continue;
                }
                metrics.DocumentFetched(source.Id);
                // The document in hand is finished even when shutdown has been requested: its body is already downloaded,
                // and stopping half-way would leave it to be fetched again.
                var outcome = await ProcessAsync(document, warc, CancellationToken.None).ConfigureAwait(false);
                Count(source, outcome);
                outcomes.Add(outcome);
                // What extraction found the page linking feeds the frontier: fetched next, as the page's attachments.
                documents.Follow(document, outcome.Attachments.Select(a => (a.Url, a.Text)));
            }
            result = documents.Result;
        }
        var summary = Summarize(source, result, outcomes, Stopwatch.GetElapsedTime(started));
        CrawlLog.SourceFinished(logger, source.Id, summary.NewReports, summary.NewVersions, summary.Unchanged, summary.NotReports, summary.Failures,
            summary.Problems.Count);
        return summary;
    }

    /// <summary>
    /// One crawled document through the per-document stages: archive → extract → parse → validate → store → announce. The
    /// stages own its body file (the archive stage deletes it); the outcome is a value for the summary, never an exception.
    /// </summary>
    /// <param name="warc">The current crawl's WARC writer; null when the caller keeps no WARC.</param>
    public async Task<ProcessingOutcome> ProcessAsync(CrawledDocument document, WarcWriter? warc, CancellationToken cancellationToken)
    {
        var archived = await stages.Archive.ArchiveAsync(document, warc, cancellationToken).ConfigureAwait(false);           // archive
        return archived.Ended ?? await ProcessArchivedAsync(archived.Next!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stages after the archive, for bytes in the archive: a fresh fetch, or a quarantined document retried.</summary>
    public async Task<ProcessingOutcome> ProcessArchivedAsync(ArchivedDocument document, CancellationToken cancellationToken)
    {
        var extracted = await stages.Extract.ExtractAsync(document, cancellationToken).ConfigureAwait(false);                // extract
        if (extracted.Ended is { } notExtracted) return notExtracted;
        var outcome = await ReportOfAsync(document, extracted.Next!, cancellationToken).ConfigureAwait(false);
        // What extraction found a report page linking feeds the frontier, whatever became of the page itself.
        return outcome with { Attachments = ExtractStage.LinkedFrom(document, extracted.Next!) };
    }

    private async Task<ProcessingOutcome> ReportOfAsync(ArchivedDocument document, ExtractionResult extracted, CancellationToken cancellationToken)
    {
        var read = await stages.Parse.ReadAsync(document, extracted, cancellationToken).ConfigureAwait(false);               // parse
        if (read.Ended is { } notAReport) return notAReport;
        var validated = await stages.Validate.ValidateAsync(document, read.Next!, cancellationToken).ConfigureAwait(false);  // validate
        if (validated.Ended is { } crashed) return crashed;
        var stored = await stages.Store.StoreAsync(document, validated.Next!, cancellationToken).ConfigureAwait(false);      // store
        if (stored.Ended is { } sameReport) return sameReport;
        return await stages.Announce.AnnounceAsync(document, stored.Next!, cancellationToken).ConfigureAwait(false);         // announce
    }

    /// <summary>Retries every quarantined document from the archive, through the stages after the archive (sources looked up by id).</summary>
    public async Task<IReadOnlyList<ProcessingOutcome>> RetryQuarantinedAsync(Func<string, Source?> sourceById, CancellationToken cancellationToken)
    {
        var outcomes = new List<ProcessingOutcome>();
        foreach (var state in await stages.States.QuarantinedAsync(cancellationToken).ConfigureAwait(false))
        {
            var source = sourceById(state.Context.SourceId);
            outcomes.Add(source is null
                ? ProcessingOutcome.Failed(state.Context.Url, state.Sha256, $"来源 {state.Context.SourceId} 已不在配置中，文档保持隔离 (source no longer configured)")
                : await ProcessArchivedAsync(new ArchivedDocument(source, state.Sha256, state.Context), cancellationToken).ConfigureAwait(false));
        }
        return outcomes;
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
