using System.Text.RegularExpressions;
using Crawler.Extraction.Layout;
using Crawler.Reports.Documents;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// Puts tables read cell by cell back among the page's prose in reading order: a placeholder word stands
/// where each table was (its region is whitened for the prose pass), rides through paragraph assembly,
/// and is then replaced by the table. Its index is spelled in letters: page furniture detection treats
/// digits as page numbers.
/// </summary>
internal static partial class TableMarkers
{
    public static LayoutWord Word(int page, int index, CellBox bounds, double lineHeight) =>
        new(page, bounds.Left, bounds.Top, lineHeight * 4, lineHeight, $"@@GRID{Letters(index)}@@", 1.0);

    /// <summary>
    /// The blocks with every placeholder replaced by its table (null: joined to the table before it, the
    /// placeholder goes); a table whose placeholder got lost follows the last one placed.
    /// </summary>
    public static List<DocumentBlock> Replace(IReadOnlyList<DocumentBlock> blocks, IReadOnlyList<Table?> tables)
    {
        var output = new List<DocumentBlock>();
        var placed = tables.Select(t => t is null).ToArray();
        var after = -1;
        foreach (var block in blocks)
        {
            if (block is not Paragraph paragraph || !paragraph.Text.Contains("@@GRID", StringComparison.Ordinal))
            {
                output.Add(block);
                continue;
            }
            var last = 0;
            foreach (Match match in Pattern().Matches(paragraph.Text))
            {
                AddText(output, paragraph.Text[last..match.Index]);
                last = match.Index + match.Length;
                var index = Index(match.Groups[1].Value);
                if (index < 0 || index >= tables.Count || placed[index]) continue;
                output.Add(tables[index]!);
                placed[index] = true;
                after = output.Count;
                // Tables before it whose placeholder was lost go right before it, in order.
                for (var k = 0; k < index; k++)
                {
                    if (placed[k]) continue;
                    output.Insert(output.Count - 1, tables[k]!);
                    placed[k] = true;
                    after = output.Count;
                }
            }
            AddText(output, paragraph.Text[last..]);
        }
        var insertAt = after < 0 ? output.Count : after;
        for (var k = 0; k < tables.Count; k++)
        {
            if (placed[k]) continue;
            output.Insert(insertAt++, tables[k]!);
        }
        return output;
    }

    private static void AddText(List<DocumentBlock> output, string text)
    {
        text = text.Trim();
        if (text.Length > 0) output.Add(new Paragraph(text));
    }

    private static string Letters(int index)
    {
        var letters = "";
        do
        {
            letters = (char)('a' + (index % 26)) + letters;
            index /= 26;
        }
        while (index > 0);
        return letters;
    }

    private static int Index(string letters) => letters.Aggregate(0, (n, c) => (n * 26) + (c - 'a'));

    [GeneratedRegex("@@GRID([a-z]+)@@")]
    private static partial Regex Pattern();
}
