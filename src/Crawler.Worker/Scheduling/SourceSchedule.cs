using Crawler.Pipeline.Sources;
using Quartz;

namespace Crawler.Worker.Scheduling;

/// <summary>When a source is crawled: its own cron, or the season-aware default; the next time, in Beijing time.</summary>
public static class SourceSchedule
{
    /// <summary>Schedules are about Chinese office hours and the 31 January deadline in Beijing time.</summary>
    public static TimeZoneInfo ChinaStandardTime { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone) ? zone : TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    public static IReadOnlyList<string> CronsOf(Source source) =>
        source.Schedule is { Length: > 0 } custom ? [custom] : SeasonSchedule.DefaultCronFor(source.Id);

    /// <summary>"0 15 3 * * ?" for a source's own cron; the season default in words (its minute is the source's own).</summary>
    public static string Describe(Source source) => source.Schedule is { Length: > 0 } custom
        ? custom
        : $"季节默认：平时每天 03:{SeasonSchedule.DefaultCronFor(source.Id)[0].Split(' ')[1].PadLeft(2, '0')}，1月15日至2月底每4小时 (season default)";

    /// <summary>The first fire time after <paramref name="after"/> of any of the source's crons; null when none fires again.</summary>
    public static DateTimeOffset? NextRun(Source source, DateTimeOffset after) =>
        CronsOf(source).Select(cron => new CronExpression(cron, ChinaStandardTime).GetNextValidTimeAfter(after)).Where(t => t is not null).Min();

    public static string Beijing(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, ChinaStandardTime).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
