using System.Globalization;
using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>One cell of a table row, classified: a number, a blank, a null mark or a label.</summary>
internal readonly record struct CellToken(CellKind Kind, decimal? Value, string Text)
{
    /// <summary>The OCR confidence of the printed cell (0..1), null when the text did not come from OCR.</summary>
    public double? Confidence { get; init; }

    /// <summary>The money unit printed after the number ("251000元", "1.2亿元"), null when none was.</summary>
    public MoneyUnit? Unit { get; init; }

    private static readonly string[] Units = ["万元", "亿元", "件", "条", "个", "项", "次", "元", "宗"];

    public bool IsValue => Kind is CellKind.Number or CellKind.NullMark;

    public static CellToken Read(string? raw)
    {
        var text = raw is null ? "" : Trim(raw);
        if (text.Length == 0) return new(CellKind.Blank, null, "");
        if (IsNullMark(text)) return new(CellKind.NullMark, null, text);
        return TryNumber(text, out var value, out var unit) ? new(CellKind.Number, value, text) { Unit = MoneyUnit.Find(unit) } : new(CellKind.Label, null, text);
    }

    private static string Trim(string raw)
    {
        var span = raw.AsSpan().Trim(" \t\u3000\u00a0\r\n");
        return span.Length == raw.Length ? raw : span.ToString();
    }

    private static bool IsNullMark(string text) =>
        text is "/" or "／" or "\\" or "—" or "——" or "-" or "--" or "–" or "－" or "无" or "空" or "×" or "*" or "N/A" or "n/a";

    /// <summary>
    /// Numbers as printed: full-width digits, thousands separators, a sign (2019's 本年增/减), a decimal
    /// point (万元), a trailing unit ("3件"). Hand-written because it runs for every cell of every table.
    /// </summary>
    private static bool TryNumber(string text, out decimal value, out string? printedUnit)
    {
        value = 0;
        printedUnit = null;
        var span = text.AsSpan();
        if (span.Length > 40) return false;
        foreach (var unit in Units)
        {
            if (span.Length > unit.Length && span.EndsWith(unit, StringComparison.Ordinal)) { span = span[..^unit.Length].TrimEnd(); printedUnit = unit; break; }
        }
        Span<char> buffer = stackalloc char[span.Length + 1];
        var length = 0;
        var i = 0;
        if (span[0] is '+' or '＋') i++;
        else if (span[0] is '-' or '－') { buffer[length++] = '-'; i++; }
        while (i < span.Length && span[i] == ' ') i++;
        int digits = 0, points = 0;
        for (; i < span.Length; i++)
        {
            var c = span[i];
            if (c is >= '０' and <= '９') c = (char)(c - '０' + '0');
            if (char.IsAsciiDigit(c)) { digits++; buffer[length++] = c; }
            else if (c is ',' or '，' && digits > 0 && points == 0) continue;
            else if (c is '.' or '．' && digits > 0 && points++ == 0) buffer[length++] = '.';
            else return false;
        }
        if (digits == 0 || buffer[length - 1] == '.') return false;
        return decimal.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
