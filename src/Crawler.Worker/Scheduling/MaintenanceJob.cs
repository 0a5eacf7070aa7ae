using Crawler.Pipeline;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Sources;
using Quartz;

namespace Crawler.Worker.Scheduling;

/// <summary>
/// Daily housekeeping: retry every quarantined document from the archive (an extractor may have been fixed,
/// a tool installed), and announce reports still missing after their deadline.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class MaintenanceJob(IEnumerable<Source> sources, ReportPipeline pipeline, MissingReportCheck missing,
    ILogger<MaintenanceJob> logger) : IJob
{
    public static readonly JobKey Key = new("maintenance", "crawler");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var known = sources.ToList();
        var retried = await pipeline.RetryQuarantinedAsync(id => known.FirstOrDefault(s => s.Id == id), cancellationToken).ConfigureAwait(false);
        var overdue = await missing.RunAsync(known, cancellationToken).ConfigureAwait(false);
        LogDone(retried.Count, retried.Count(o => o.Kind == ProcessingOutcomeKind.Failed), overdue.Count);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Maintenance: retried {Retried} quarantined documents ({StillFailing} still failing); {Overdue} missing-report alerts queued")]
    private partial void LogDone(int retried, int stillFailing, int overdue);
}
