using Crawler.Pipeline;
using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Sources;

namespace Crawler.Worker.Hosting;

/// <summary>
/// Level 1 of a crawl: one pass over many sources (each one an <see cref="ISourceCrawlRun"/>, level 2), as <c>crawl --once</c> and the daily maintenance job run it: retry what is
/// quarantined, crawl the sources (several hosts at once; the fetcher keeps one request per host at a time),
/// check deadlines for missing reports, queue the compliance index's documents, then deliver what the outboxes hold.
/// </summary>
public sealed class CrawlPass(IServiceProvider services, ISourceCrawlRun run, ReportPipeline pipeline)
{
    public async Task<CrawlPassSummary> RunAsync(IReadOnlyList<Source> sources, int maxConcurrentSources,
        Action<Source>? started, Action<SourceCrawlSummary>? finished, CancellationToken cancellationToken)
    {
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var budget = services.GetService<IConfiguration>()?.GetValue<TimeSpan?>(CrawlPassBudget.Key) ?? CrawlPassBudget.Default;
        var endsAt = time.GetUtcNow() + budget;
        var retried = await pipeline.RetryQuarantinedAsync(id => sources.FirstOrDefault(s => s.Id == id), cancellationToken).ConfigureAwait(false);
        var summaries = new SourceCrawlSummary[sources.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrentSources), CancellationToken = cancellationToken },
            async (i, token) =>
            {
                started?.Invoke(sources[i]);
                summaries[i] = time.GetUtcNow() >= endsAt
                    ? NotCrawled(sources[i], budget)
                    : await run.RunAsync(sources[i], token, endsAt).ConfigureAwait(false);
                finished?.Invoke(summaries[i]);
            }).ConfigureAwait(false);

        var missing = await services.GetRequiredService<MissingReportCheck>().RunAsync(sources, cancellationToken).ConfigureAwait(false);
        // The compliance index: the pass's sources are the agencies under supervision; their documents for the years this
        // pass stored and the season's year join the index queue, so the drain below sends them with the reports.
        var compliance = services.GetService<ComplianceIndexer>() is { } indexer
            ? await indexer.QueuePassAsync(sources, cancellationToken).ConfigureAwait(false)
            : 0;
        // One _bulk batch per pass left the rest of a big season's first crawl queued until the next pass (the crash
        // test's 240-agency run ended with 17 of 217 documents pending): a drain sends batches until none is due.
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var alerts = await dispatcher.DrainAsync(AlertTopic.Prefix, cancellationToken).ConfigureAwait(false);
        var index = services.GetService<IReportIndex>() is not null
            ? await dispatcher.DrainAsync(IndexMessage.Topic, cancellationToken).ConfigureAwait(false)
            : null;
        return new CrawlPassSummary(summaries, retried, missing.Count, alerts, index)
        {
            AlertChannels = services.GetRequiredService<ChannelHealth>().Snapshot(),
            ComplianceDocuments = compliance,
        };
    }

    /// <summary>A source the pass had no time left for: a failure of this pass, named, and crawled by the next.</summary>
    private static SourceCrawlSummary NotCrawled(Source source, TimeSpan budget) => new(source.Id, source.Agency)
    {
        Failures = 1,
        Problems = [$"本轮未抓取 (not crawled in this pass): the pass reached its time budget of {budget.TotalSeconds:0} s before this source's turn ({CrawlPassBudget.Key}); the next pass crawls it"],
    };
}
