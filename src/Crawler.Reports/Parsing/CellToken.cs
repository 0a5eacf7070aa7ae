using System.Globalization;
using System.Text.RegularExpressions;

namespace Crawler.Reports.Parsing;

/// <summary>One cell of a table row, classified: a number, a blank, a null mark or a label.</summary>
internal readonly partial record struct CellToken(CellKind Kind, decimal? Value, string Text)
{
    public bool IsValue => Kind is CellKind.Number or CellKind.NullMark;

    public static CellToken Read(string? raw)
    {
        var text = raw?.Trim(' ', '\t', '\u3000', '\u00a0', '\r', '\n') ?? "";
        if (text.Length == 0) return new(CellKind.Blank, null, "");
        if (IsNullMark(text)) return new(CellKind.NullMark, null, text);
        return TryNumber(text, out var value) ? new(CellKind.Number, value, text) : new(CellKind.Label, null, text);
    }

    private static bool IsNullMark(string text) =>
        text is "/" or "／" or "\\" or "—" or "——" or "-" or "--" or "–" or "－" or "无" or "空" or "×" or "*" or "N/A" or "n/a";

    /// <summary>Numbers as printed: full-width digits, thousands separators, a sign (2019's 本年增/减), a trailing unit.</summary>
    private static bool TryNumber(string text, out decimal value)
    {
        value = 0;
        if (text.Length > 40) return false;
        var first = text[0];
        if (!(char.IsAsciiDigit(first) || first is >= '０' and <= '９' or '+' or '-' or '－' or '＋')) return false;
        var match = Number().Match(text);
        if (!match.Success) return false;
        Span<char> buffer = stackalloc char[match.Groups[2].Length + 1];
        var length = 0;
        if (match.Groups[1].Value is "-" or "－") buffer[length++] = '-';
        foreach (var c in match.Groups[2].ValueSpan)
        {
            if (c is ',' or '，') continue;
            buffer[length++] = c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c == '．' ? '.' : c;
        }
        return decimal.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^([+\-－＋]?)\s*([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)\s*(?:件|条|个|项|次|万元|元|宗)?$")]
    private static partial Regex Number();
}
