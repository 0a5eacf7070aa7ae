using System.Text.RegularExpressions;

namespace Crawler.Reports.Parsing;

/// <summary>
/// Finds the issuing agency. Usually the title names it ("聊城市商务局 2023 年…"). When it does not
/// (seed 002: "2023年政府信息公开工作年度报告"), the introduction's "现公布环翠区商务局2022年度…" gives the
/// short name, and the text's most common prefecture before its district (威海市 before 环翠区) completes
/// it, provided the full name is printed somewhere (威海市环翠区商务局).
/// </summary>
internal static partial class AgencyReader
{
    public static string? FromTitle(string? title)
    {
        if (title is null) return null;
        var match = TitleAgency().Match(title);
        if (!match.Success) return null;
        var before = match.Groups["before"].Value.Trim();
        if (before.EndsWith("关于", StringComparison.Ordinal)) before = before[..^2].Trim();
        if (before.Length >= 2) return before;
        var after = match.Groups["after"].Value.Trim();
        return after.Length >= 2 ? after : null;
    }

    public static string? FromText(string introduction, string fullText)
    {
        var match = Publishes().Match(introduction);
        if (!match.Success) match = Publishes().Match(fullText);
        if (!match.Success) return null;
        var shortName = match.Groups["name"].Value;
        return Complete(shortName, fullText);
    }

    private static string Complete(string shortName, string text)
    {
        var district = District().Match(shortName);
        if (!district.Success) return shortName;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var unit = district.Value;
        for (var at = text.IndexOf(unit, StringComparison.Ordinal); at >= 0; at = text.IndexOf(unit, at + 1, StringComparison.Ordinal))
        {
            for (var length = 3; length <= 6 && length <= at; length++)
            {
                var prefix = text.Substring(at - length, length);
                if (!IsPrefecture(prefix)) continue;
                counts[prefix] = counts.GetValueOrDefault(prefix) + 1;
            }
        }
        var best = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Length).Select(p => p.Key).FirstOrDefault();
        return best is not null && text.Contains(best + shortName, StringComparison.Ordinal) ? best + shortName : shortName;
    }

    private static bool IsPrefecture(string prefix)
    {
        foreach (var c in prefix) if (c is < '\u4e00' or > '\u9fff') return false;
        return prefix[^1] is '市' or '省' or '州' or '盟';
    }

    [GeneratedRegex(@"^(?<before>.*?)\s*(?:\d{4})\s*年度?\s*(?<after>.*?)\s*(?:政府信息公开|政务公开|信息公开)")]
    private static partial Regex TitleAgency();

    [GeneratedRegex(@"(?:公布|发布|现将)\s*(?<name>[\u4e00-\u9fff]{2,20}?(?:局|委员会|委|办公室|办|人民政府|政府|厅|院|中心|署|部|所|站|馆|队|会))\s*\d{4}\s*年")]
    private static partial Regex Publishes();

    [GeneratedRegex(@"^[\u4e00-\u9fff]{1,4}?[区县市旗]")]
    private static partial Regex District();
}
