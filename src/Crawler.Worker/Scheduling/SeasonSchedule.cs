namespace Crawler.Worker.Scheduling;

/// <summary>
/// The default crawl schedule. Reports for year Y are due by 31 January of Y+1 (条例 第四十九条; local
/// governments' own by 31 March), so most of the year a daily check is enough, while from mid-January to
/// the end of February sources are checked every four hours. Each source gets its own minute so a
/// province's sources don't all fire at once.
/// </summary>
public static class SeasonSchedule
{
    /// <summary>Quartz cron expressions that together make the season-aware default for one source.</summary>
    public static IReadOnlyList<string> DefaultCronFor(string sourceId)
    {
        var minute = StableMinute(sourceId);
        return
        [
            $"0 {minute} 3 ? 3-12 *",        // March–December: daily at 03:mm
            $"0 {minute} 3 1-14 1 ?",        // 1–14 January: daily
            $"0 {minute} 0/4 15-31 1 ?",     // 15–31 January: every four hours
            $"0 {minute} 0/4 ? 2 *",         // February: every four hours
        ];
    }

    // FNV-1a: stable across processes and .NET versions, unlike string.GetHashCode.
    private static int StableMinute(string sourceId)
    {
        var hash = 2166136261u;
        foreach (var c in sourceId)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (int)(hash % 60);
    }
}
