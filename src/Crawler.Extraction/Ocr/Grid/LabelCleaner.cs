using System.Text.RegularExpressions;
using Crawler.Extraction.Layout;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// Typographic repairs of what chi_sim makes of a label cell's numbering, measured on the scanned fixtures:
/// the full-width brackets of （一） come back as 〈《(, )》 or doubled; the dot of "3." as "，" or "、" or
/// "，、"; the 一 inside brackets as a dash. Only the numbering is touched, never the label's words (the
/// parser's label matching copes with a misread letter; it cannot split off a garbled ordinal). The one
/// exception: a label of two or three letters (总计, 其他) is too short for the parser's fuzzy matching, so
/// one misread letter (总讨) is put right when exactly one template label of that length is one letter away.
/// </summary>
internal static partial class LabelCleaner
{
    private static readonly HashSet<string> ShortLabels = ReportTemplates.AllTables
        .SelectMany(t => t.Rows.SelectMany(r => r.Cells.Select(c => c.Label).Append(r.Label).Append(r.Group ?? "")))
        .Concat(ReportSchema.ApplicantColumns.Select(c => c.Label))
        .Concat(ReportSchema.ReviewCells.Select(c => c.Label))
        .Where(l => l.Length is 2 or 3 && LayoutText.CountCjkLetters(l) == l.Length)
        .ToHashSet(StringComparer.Ordinal);

    public static string Clean(string text)
    {
        if (LayoutText.CountCjkLetters(text) == 0) return text;
        var cleaned = OpenBracket().Replace(text, "（");
        cleaned = CloseBracket().Replace(cleaned, "）");
        cleaned = DashOrdinal().Replace(cleaned, "（一）");
        cleaned = DigitOrdinal().Replace(cleaned, "$1.");
        var ordinal = Ordinal().Match(cleaned).Value;
        return ordinal + ShortLabel(cleaned[ordinal.Length..]);
    }

    private static string ShortLabel(string body)
    {
        if (body.Length is not (2 or 3) || LayoutText.CountCjkLetters(body) != body.Length || ShortLabels.Contains(body)) return body;
        var near = ShortLabels.Where(l => l.Length == body.Length && l.Zip(body).Count(p => p.First != p.Second) == 1).Take(2).ToList();
        return near.Count == 1 ? near[0] : body;
    }

    [GeneratedRegex(@"^(（[一二三四五六七八九十]{1,2}）|[0-9]{1,2}\.|[一二三四五六七八九十]{1,2}、)")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"^[\(（〈《<＜]+")]
    private static partial Regex OpenBracket();

    [GeneratedRegex(@"(?<=^（[^）\)〉》>]{1,2})[\)）〉》>＞]+")]
    private static partial Regex CloseBracket();

    [GeneratedRegex(@"^（[—\-－–一]）")]
    private static partial Regex DashOrdinal();

    [GeneratedRegex(@"^([0-9]{1,2})[\s.,，、．:：;；]+")]
    private static partial Regex DigitOrdinal();
}
