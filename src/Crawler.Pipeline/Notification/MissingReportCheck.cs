using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// After a source's deadline (31 January of Y+1 for year Y unless overridden, Beijing time) plus the
/// grace days, a source without a stored report for Y gets one missing-report alert; running the check
/// again (every crawl) queues nothing new for the same source and year.
/// </summary>
public sealed class MissingReportCheck(
    IReportCatalog catalog,
    AlertQueue queue,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<MissingReportCheck> logger)
{
    /// <returns>The alerts newly queued by this run.</returns>
    public async Task<IReadOnlyList<AlertEvent>> RunAsync(IEnumerable<Source> sources, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled(AlertEventKind.MissingReport) || !queue.HasChannels) return [];
        var now = time.GetUtcNow();
        var queued = new List<AlertEvent>();
        foreach (var source in sources.Where(s => s.Verified || !settings.Deadline.SkipUnverifiedSources))
        {
            var rule = settings.Deadline.RuleFor(source.Id);
            foreach (var (year, dueDate) in OverdueYears(now, rule, settings.Deadline.YearsBack))
            {
                if (year < settings.Deadline.FirstYear) continue;
                if (await catalog.HasReportAsync(source.Id, year, cancellationToken).ConfigureAwait(false)) continue;
                var alert = ReportAlerts.Missing(source, year, dueDate, now);
                if (await queue.EnqueueAsync(alert, cancellationToken).ConfigureAwait(false) == 0) continue;
                logger.Missing(source.Id, source.Agency, year, dueDate);
                queued.Add(alert);
            }
        }
        return queued;
    }

    /// <summary>The latest <paramref name="yearsBack"/> report years whose deadline and grace have passed at <paramref name="now"/>.</summary>
    public static IEnumerable<(int Year, DateOnly DueDate)> OverdueYears(DateTimeOffset now, (int Month, int Day, int GraceDays) rule, int yearsBack)
    {
        var year = now.ToOffset(AlertText.ChinaStandardTime).Year;
        while (AlertFrom(year, rule) > now) year--;
        for (var i = 0; i < yearsBack; i++, year--) yield return (year, new DateOnly(year + 1, rule.Month, rule.Day));
    }

    // The report is still on time during the whole due day, so alerts start the next midnight (Beijing) plus grace.
    private static DateTimeOffset AlertFrom(int year, (int Month, int Day, int GraceDays) rule) =>
        new DateTimeOffset(year + 1, rule.Month, rule.Day, 0, 0, 0, AlertText.ChinaStandardTime).AddDays(1 + rule.GraceDays);
}
