using System.Text.RegularExpressions;
using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>
/// Reads the printed statistical period (统计期限): "自 2022 年 1 月 1 日起至 12 月 31 日止",
/// "从 2023 年 1 月 1 日至 2023 年 12 月 31 日止". An end date printed without a year is in the start's year.
/// </summary>
internal static partial class PeriodReader
{
    public static StatisticalPeriod? Read(string text)
    {
        var match = Period().Match(text);
        if (!match.Success) return null;
        var fromYear = int.Parse(match.Groups["fy"].ValueSpan);
        var toYear = match.Groups["ty"].Success ? int.Parse(match.Groups["ty"].ValueSpan) : fromYear;
        return TryDate(fromYear, match.Groups["fm"].ValueSpan, match.Groups["fd"].ValueSpan, out var from)
            && TryDate(toYear, match.Groups["tm"].ValueSpan, match.Groups["td"].ValueSpan, out var to)
            ? new StatisticalPeriod(from, to)
            : null;
    }

    private static bool TryDate(int year, ReadOnlySpan<char> month, ReadOnlySpan<char> day, out DateOnly date)
    {
        date = default;
        var m = int.Parse(month);
        var d = int.Parse(day);
        if (year is < 1990 or > 2100 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(year, m)) return false;
        date = new DateOnly(year, m, d);
        return true;
    }

    [GeneratedRegex(@"(?:自|从|为|：|:)\s*(?<fy>\d{4})\s*年\s*(?<fm>\d{1,2})\s*月\s*(?<fd>\d{1,2})\s*日\s*(?:起)?\s*(?:至|到|—|－|-|~|～)\s*(?:(?<ty>\d{4})\s*年\s*)?(?<tm>\d{1,2})\s*月\s*(?<td>\d{1,2})\s*日")]
    private static partial Regex Period();
}
