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
        if (IsNormal(text)) return text;
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

    private static bool IsNormal(string text)
    {
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\u3000' or '\u00a0' or '\r' or '\n' or '*' or '"' or '“' or '”' or '‘' or '’' or '\'' or '「' or '」'
                or '(' or ')' or ',' or ':' or ';' or '．' or (>= '０' and <= '９')) return false;
        }
        return true;
    }

    /// <summary>
    /// Splits a normalised label into its printed numbering and its text: "（三）不予公开" → ("（三）", "不予公开"),
    /// "1.属于国家秘密" and "1、属于国家秘密" → ("1", "属于国家秘密"), "二、上年结转…" → ("二", "上年结转…").
    /// </summary>
    public static (string? Ordinal, string Body) SplitOrdinal(string normalized) => LabelOrdinal.Split(normalized);

    /// <summary>The label without a trailing qualifier in brackets: "部分公开（区分处理的…）" → "部分公开".</summary>
    public static string Core(string normalized)
    {
        var open = normalized.IndexOf('（');
        return open > 0 && normalized.EndsWith('）') ? normalized[..open] : normalized;
    }

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();
}
