using System.Globalization;
using System.Text.RegularExpressions;

namespace Crawler.Reports.Publication;

/// <summary>
/// Calendar dates as Chinese government pages print them: 2024-01-25, 2024/1/25, 2024.01.25, 2024年1月25日,
/// 二〇二四年一月二十五日 (落款), ISO 8601 with a time and an offset, and Unix timestamps (JSON list APIs). A time
/// without an offset is Beijing time; an instant with one is turned into the Beijing calendar date.
/// </summary>
public static partial class DateText
{
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    private const string ChineseDigits = "〇○零一二三四五六七八九";

    /// <summary>Every date in <paramref name="text"/>, in order, with where it starts and how long it is.</summary>
    public static IEnumerable<(DateOnly Date, int Index, int Length)> FindAll(string text)
    {
        foreach (Match match in ArabicDate().Matches(text))
        {
            if (FromArabic(match) is { } date) yield return (date, match.Index, match.Length);
        }
        foreach (Match match in ChineseDate().Matches(text))
        {
            if (FromChinese(match) is { } date) yield return (date, match.Index, match.Length);
        }
    }

    /// <summary>The first date in the text (by position), if any.</summary>
    public static DateOnly? First(string? text) =>
        text is null ? null : FindAll(text).OrderBy(d => d.Index).Select(d => (DateOnly?)d.Date).FirstOrDefault();

    /// <summary>
    /// A whole value that is one date: a meta tag's content, a JSON field. Also accepts ISO 8601 instants
    /// (converted to Beijing), RFC 1123 (HTTP dates), and Unix timestamps in seconds or milliseconds.
    /// </summary>
    public static DateOnly? ParseValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return FromUnix(number);
        if (OffsetPart().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return Beijing(instant);
        return First(text);
    }

    /// <summary>An HTTP date (RFC 1123, always GMT) as the Beijing calendar date.</summary>
    public static DateOnly? ParseHttpDate(string? value) =>
        DateTimeOffset.TryParseExact(value?.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? Beijing(instant)
            : null;

    public static DateOnly Beijing(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(BeijingOffset).DateTime);

    /// <summary>A plausible calendar date: years 2000–2099 (reports under the 2008 条例 and later), real months and days.</summary>
    public static DateOnly? Valid(int year, int month, int day) =>
        year is >= 2000 and <= 2099 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static DateOnly? FromUnix(long number)
    {
        // 10 digits: seconds; 13 digits: milliseconds (gkmlpt's publish_time).
        var instant = number switch
        {
            >= 946_684_800 and < 4_102_444_800 => DateTimeOffset.FromUnixTimeSeconds(number),
            >= 946_684_800_000 and < 4_102_444_800_000 => DateTimeOffset.FromUnixTimeMilliseconds(number),
            _ => (DateTimeOffset?)null,
        };
        return instant is null ? null : Beijing(instant.Value);
    }

    private static DateOnly? FromArabic(Match match) =>
        Valid(int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture));

    private static DateOnly? FromChinese(Match match)
    {
        var yearText = match.Groups["y"].Value;
        var year = 0;
        foreach (var c in yearText) year = year * 10 + DigitOf(c);
        var month = match.Groups["m"].Value == "元" ? 1 : SmallNumber(match.Groups["m"].Value);
        var day = SmallNumber(match.Groups["d"].Value);
        return month is null || day is null ? null : Valid(year, month.Value, day.Value);
    }

    private static int DigitOf(char c)
    {
        var index = ChineseDigits.IndexOf(c);
        return index <= 2 ? 0 : index - 2;
    }

    /// <summary>一 … 三十一 (and 廿 for twenty, as some 落款 print it).</summary>
    private static int? SmallNumber(string text)
    {
        if (text.Length == 0) return null;
        var normalized = text.Replace("廿", "二十", StringComparison.Ordinal).Replace("卅", "三十", StringComparison.Ordinal);
        var tens = normalized.IndexOf('十');
        if (tens < 0) return normalized.Length == 1 ? DigitOf(normalized[0]) : null;
        var high = tens == 0 ? 1 : tens == 1 ? DigitOf(normalized[0]) : -1;
        var rest = normalized[(tens + 1)..];
        var low = rest.Length == 0 ? 0 : rest.Length == 1 ? DigitOf(rest[0]) : -1;
        return high < 0 || low < 0 ? null : high * 10 + low;
    }

    // 2024-01-25, 2024/1/25, 2024.01.25, 2024年1月25日, 2024 年 1 月 25 日; not part of a longer number.
    [GeneratedRegex(@"(?<![\d])(?<y>20\d{2})\s*(?:[-/.]|年)\s*(?<m>\d{1,2})\s*(?:[-/.]|月)\s*(?<d>\d{1,2})(?![\d])\s*日?")]
    private static partial Regex ArabicDate();

    [GeneratedRegex(@"(?<y>[二][〇○零一二三四五六七八九]{3})\s*年\s*(?<m>十[一二]?|[元一二三四五六七八九])\s*月\s*(?<d>[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])\s*日")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex OffsetPart();
}
