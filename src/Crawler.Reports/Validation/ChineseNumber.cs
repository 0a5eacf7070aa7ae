namespace Crawler.Reports.Validation;

/// <summary>Small counts written in Chinese numerals in prose: 三, 十二, 二十三, 一百零五.</summary>
internal static class ChineseNumber
{
    private const string Digits = "零一二三四五六七八九";

    public static int? Parse(ReadOnlySpan<char> text)
    {
        int total = 0, digit = 0;
        var any = false;
        foreach (var c in text)
        {
            var d = c == '两' ? 2 : Digits.IndexOf(c);
            if (d >= 0) { digit = d; any = true; continue; }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0) return null;
            total += (digit == 0 && unit == 10 && !any ? 1 : digit) * unit;
            digit = 0;
            any = true;
        }
        return any ? total + digit : null;
    }
}
