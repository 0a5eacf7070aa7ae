using Crawler.Worker.Scheduling;
using Quartz;

namespace Crawler.Worker.Tests.Scheduling;

public class SeasonScheduleTests
{
    private static int FiringsBetween(string sourceId, DateTimeOffset from, DateTimeOffset to)
    {
        var count = 0;
        foreach (var cron in SeasonSchedule.DefaultCronFor(sourceId))
        {
            var expression = new CronExpression(cron);
            for (var next = expression.GetNextValidTimeAfter(from); next is { } at && at < to; next = expression.GetNextValidTimeAfter(at))
            {
                count++;
            }
        }
        return count;
    }

    [Fact]
    public void Outside_the_season_a_source_is_checked_once_a_day()
    {
        var june = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(30, FiringsBetween("liaocheng-commerce", june, june.AddDays(30)));
        var earlyJanuary = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(14, FiringsBetween("liaocheng-commerce", earlyJanuary, earlyJanuary.AddDays(14)));
    }

    [Fact]
    public void From_mid_January_to_the_end_of_February_a_source_is_checked_six_times_a_day()
    {
        var midJanuary = new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal((17 + 28) * 6, FiringsBetween("liaocheng-commerce", midJanuary, new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Sources_are_spread_over_the_hour_and_each_keeps_its_minute()
    {
        var minutes = Enumerable.Range(0, 200).Select(i => SeasonSchedule.DefaultCronFor($"source-{i}")[0].Split(' ')[1]).ToHashSet();
        Assert.True(minutes.Count > 40, $"only {minutes.Count} distinct minutes for 200 sources");
        Assert.Equal(SeasonSchedule.DefaultCronFor("a"), SeasonSchedule.DefaultCronFor("a"));
    }
}
