using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Sources;
using Quartz;

namespace Crawler.Worker.Scheduling;

/// <summary>
/// One scheduled pass over one source. Never two at once for the same source: a slow site must not be
/// crawled by overlapping passes (politeness), and the archive's per-source state stays simple.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class CrawlSourceJob(IEnumerable<Source> sources, ISourceCrawlRun run, ILogger<CrawlSourceJob> logger) : IJob
{
    public const string SourceIdKey = "sourceId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var sourceId = context.MergedJobDataMap.GetString(SourceIdKey);
        var source = sources.FirstOrDefault(s => s.Id == sourceId);
        if (source is null)
        {
            LogUnknownSource(sourceId);
            return;
        }
        // The run logs its own summary line (ReportPipeline); the job adds nothing to it.
        await run.RunAsync(source, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled crawl names source {SourceId}, which is no longer configured")]
    private partial void LogUnknownSource(string? sourceId);
}
