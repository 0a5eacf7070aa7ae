namespace Crawler.Extraction.Layout;

/// <summary>
/// The header rows a table repeats at the top of a later page (LibreOffice's repeated heading rows, Word's and WPS's
/// "repeat as header row"). Read as rows they would be taken for data: a row labelled 其他 or 总计 with no figures.
/// A later page's header row is a repeat when every one of its labels is printed in the table's own header (a
/// label may be a part of one there: the line above it may have gone as a running header), and the rows taken
/// together carry at least half of that header's letters, so that a header cell cut by the page break (自然 / 人)
/// or the tail of a row label is never mistaken for one.
/// </summary>
internal static class ContinuationHeader
{
    public static List<List<LabelBlock>> Repeated(IReadOnlyList<List<LabelBlock>> tableHeader, IReadOnlyList<List<LabelBlock>> pageHeader)
    {
        var labels = tableHeader.SelectMany(r => r).Select(b => LayoutText.Compact(b.Text)).Where(t => t.Length > 0).ToList();
        var letters = labels.Sum(LayoutText.CountCjkLetters);
        if (letters == 0) return [];
        var repeated = pageHeader.Where(row => row.All(b => LayoutText.Compact(b.Text) is { Length: > 0 } text
            && !LayoutText.IsNumber(text) && LayoutText.CountCjkLetters(text) > 0 && labels.Any(l => l.Contains(text, StringComparison.Ordinal)))).ToList();
        var found = repeated.SelectMany(r => r).Sum(b => LayoutText.CountCjkLetters(b.Text));
        return 2 * found >= letters ? repeated : [];
    }
}
