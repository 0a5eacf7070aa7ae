using Crawler.Pipeline.Sources;
using Crawler.Worker.Scheduling;
using Quartz;

namespace Crawler.Worker.Status;

/// <summary>When a source is next due by its schedule (its cron, or the season-aware default), in Beijing time.</summary>
internal static class NextRun
{
    private static readonly TimeZoneInfo ChinaStandardTime =
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone) ? zone : TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    public static DateTimeOffset? After(Source source, DateTimeOffset now)
    {
        var crons = source.Schedule is { Length: > 0 } custom ? [custom] : SeasonSchedule.DefaultCronFor(source.Id);
        DateTimeOffset? next = null;
        foreach (var cron in crons)
        {
            // The source catalog has already rejected expressions that do not parse.
            var at = new CronExpression(cron, ChinaStandardTime).GetNextValidTimeAfter(now);
            if (at is { } found && (next is null || found < next)) next = found;
        }
        return next;
    }
}
