using System.Text.RegularExpressions;

namespace Crawler.Pipeline.Discovery.Classification;

/// <summary>The report year named in a title: 2023年度, 2023年, 二〇二三年, or a bare 2023 next to the report's name.</summary>
public static partial class ReportYear
{
    private const string ChineseDigits = "〇零○Ｏ一二三四五六七八九";

    public static int? Find(string normalizedText)
    {
        foreach (Match match in ArabicWithNian().Matches(normalizedText))
        {
            if (Plausible(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) is { } year) return year;
        }
        foreach (Match match in ChineseWithNian().Matches(normalizedText))
        {
            if (Plausible(FromChinese(match.Groups[1].Value)) is { } year) return year;
        }
        foreach (Match match in BareArabic().Matches(normalizedText))
        {
            if (Plausible(int.Parse(match.Value, System.Globalization.CultureInfo.InvariantCulture)) is { } year) return year;
        }
        return null;
    }

    private static int? Plausible(int year) => year is >= 2000 and <= 2099 ? year : null;

    private static int FromChinese(string digits)
    {
        var year = 0;
        foreach (var c in digits)
        {
            var index = ChineseDigits.IndexOf(c, StringComparison.Ordinal);
            year = (year * 10) + (index <= 3 ? 0 : index - 3);
        }
        return year;
    }

    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})年")]
    private static partial Regex ArabicWithNian();

    [GeneratedRegex("([〇零○Ｏ一二三四五六七八九]{4})年")]
    private static partial Regex ChineseWithNian();

    [GeneratedRegex(@"(?<![\d\-/.])(?:19|20)\d{2}(?![\d\-/.])")]
    private static partial Regex BareArabic();
}
