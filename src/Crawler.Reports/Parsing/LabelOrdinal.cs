namespace Crawler.Reports.Parsing;

/// <summary>
/// The printed numbering of a normalised label: "（三）", "二、", "1." / "1、" / "1". Hand-written (no regex)
/// because it runs for every label cell.
/// </summary>
internal static class LabelOrdinal
{
    private const string HanDigits = "一二三四五六七八九十";

    public static (string? Ordinal, string Body) Split(string normalized)
    {
        var s = normalized.AsSpan();
        if (s.Length >= 3 && s[0] == '（')
        {
            var close = s.IndexOf('）');
            if (close is >= 2 and <= 4 && IsOrdinal(s[1..close])) return (normalized[..(close + 1)], normalized[(close + 1)..]);
            return (null, normalized);
        }
        var han = 0;
        while (han < s.Length && han < 3 && HanDigits.Contains(s[han])) han++;
        if (han > 0 && han < s.Length && s[han] is '、' or '.') return (normalized[..han], normalized[(han + 1)..]);
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits])) digits++;
        if (digits is 0 or > 2 || digits == s.Length) return (null, normalized);
        if (s[digits] is '.' or '、')
        {
            // "1.5" is a number, not an ordinal.
            if (digits + 1 < s.Length && char.IsAsciiDigit(s[digits + 1])) return (null, normalized);
            return (normalized[..digits], normalized[(digits + 1)..]);
        }
        return (normalized[..digits], normalized[digits..]);
    }

    private static bool IsOrdinal(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!HanDigits.Contains(c) && !char.IsAsciiDigit(c)) return false;
        return true;
    }
}
