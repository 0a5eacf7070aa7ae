using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Crawler.Extraction.Layout;

/// <summary>Joining word fragments as Chinese is printed, and telling numbers from labels.</summary>
internal static partial class LayoutText
{
    /// <summary>Joins fragments with a space, except between two CJK characters (Chinese has no spaces).</summary>
    public static string Join(IEnumerable<string> parts) => Join(parts, numbersBreak: false);

    /// <summary>
    /// Joins the lines of one paragraph like <see cref="Join(IEnumerable{string})"/>, except that a number broken at a
    /// line's end in Chinese prose is one number: justified Chinese lines break anywhere, "统计期限自 202" / "2 年"
    /// (seed 000 set by LibreOffice) is 2022.
    /// </summary>
    public static string JoinLines(IEnumerable<string> lines) => Join(lines, numbersBreak: true);

    private static string Join(IEnumerable<string> parts, bool numbersBreak)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Length == 0) continue;
            var brokenNumber = numbersBreak && text.Length > 0 && char.IsAsciiDigit(text[^1]) && char.IsAsciiDigit(part[0])
                && CountCjkLetters(text.ToString()) > 0;
            if (text.Length > 0 && !brokenNumber && !(IsCjk(text[^1]) && IsCjk(part[0]))) text.Append(' ');
            text.Append(part);
        }
        return text.ToString();
    }

    public static bool IsCjk(char c) =>
        c is >= '\u3000' and <= '\u303F' or >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF'
        || c is '“' or '”' or '‘' or '’' or '—' or '…';

    /// <summary>The text without white space, for comparing labels however they were spaced or wrapped.</summary>
    public static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public static int CountCjkLetters(string text) => text.Count(c => c is >= '\u3400' and <= '\u9FFF');

    public static bool IsNumber(string text) => NumberPattern().IsMatch(text.Trim());

    /// <summary>Full-width digits and punctuation to ASCII, so "１２" and "12" compare equal.</summary>
    public static string NarrowDigits(string text) =>
        string.Concat(text.Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c is '．' ? '.' : c is '，' ? ',' : c is '－' ? '-' : c))
            .Normalize(NormalizationForm.FormKC);

    public static bool IsSectionHeading(string text) => SectionHeadingPattern().IsMatch(text.Trim());

    public static bool IsPageNumber(string text) => PageNumberPattern().IsMatch(NarrowDigits(text).Trim());

    /// <summary>A line's text with digits blanked, so "— 3 —" and "— 4 —" or dated headers compare equal.</summary>
    public static string Shape(string text) =>
        DigitsPattern().Replace(NarrowDigits(text), "#").Replace(" ", "", StringComparison.Ordinal);

    public static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[-−–—－+]?[0-9０-９]+([.,．，][0-9０-９]+)*%?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^([一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))")]
    private static partial Regex SectionHeadingPattern();

    [GeneratedRegex(@"^([-—–−_·\s]*\d{1,4}[-—–−_·\s]*|第\s*\d{1,4}\s*页(\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(\s*of\s*\d{1,4})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumberPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsPattern();
}
