using System.Text;
using System.Text.RegularExpressions;

namespace Crawler.Reports.Parsing;

/// <summary>
/// Typographic normalisation of printed labels, so that ASCII vs full-width punctuation, spaces inside
/// labels, curly vs straight quotes, markdown bold and DOCX bookmarks never count as a difference.
/// </summary>
internal static partial class LabelText
{
    public static string Normalize(string text)
    {
        if (text.Contains("[bookmark", StringComparison.Ordinal)) text = Bookmark().Replace(text, "");
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case ' ' or '\t' or '\u3000' or '\u00a0' or '\r' or '\n' or '*' or '"' or '“' or '”' or '‘' or '’' or '\'' or '「' or '」':
                    continue;
                case '(': builder.Append('（'); break;
                case ')': builder.Append('）'); break;
                case ',': builder.Append('，'); break;
                case ':': builder.Append('：'); break;
                case ';': builder.Append('；'); break;
                case '．': builder.Append('.'); break;
                case >= '０' and <= '９': builder.Append((char)(c - '０' + '0')); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// Splits a normalised label into its printed numbering and its text: "（三）不予公开" → ("（三）", "不予公开"),
    /// "1.属于国家秘密" and "1、属于国家秘密" → ("1", "属于国家秘密"), "二、上年结转…" → ("二", "上年结转…").
    /// </summary>
    public static (string? Ordinal, string Body) SplitOrdinal(string normalized)
    {
        var match = Ordinal().Match(normalized);
        if (!match.Success) return (null, normalized);
        var ordinal = match.Groups["paren"].Success ? "（" + match.Groups["paren"].Value + "）"
            : match.Groups["han"].Success ? match.Groups["han"].Value
            : match.Groups["digit"].Value;
        return (ordinal, normalized[match.Length..]);
    }

    /// <summary>The label without a trailing qualifier in brackets: "部分公开（区分处理的…）" → "部分公开".</summary>
    public static string Core(string normalized)
    {
        var open = normalized.IndexOf('（');
        return open > 0 && normalized.EndsWith('）') ? normalized[..open] : normalized;
    }

    [GeneratedRegex(@"^(?:（(?<paren>[一二三四五六七八九十\d]{1,3})）|(?<han>[一二三四五六七八九十]{1,3})[、.]|(?<digit>\d{1,2})(?:[.、]|(?=[^\d.]))(?!\d))")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();
}
