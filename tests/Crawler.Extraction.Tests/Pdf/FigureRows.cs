using System.Text.RegularExpressions;
using Crawler.Reports.Documents;

namespace Crawler.Extraction.Tests.Pdf;

/// <summary>Finds a rebuilt table's row by its printed label and reads its figure cells.</summary>
internal static partial class FigureRows
{
    public static string Normalise(string label) =>
        Marker().Replace(label.Replace(" ", "").Replace("\u3000", ""), "").Replace('(', '（').Replace(')', '）').Replace('"', '“');

    /// <summary>The grid row whose own label (the last label cell) is the given label.</summary>
    public static TableCell?[]? Row(Table table, string label, int figureColumns)
    {
        var wanted = Normalise(label);
        foreach (var row in table.ToGrid())
        {
            if (row.Length < figureColumns + 1) continue;
            var own = row[row.Length - figureColumns - 1];
            if (own is not null && Normalise(own.Text) == wanted) return row;
        }
        return null;
    }

    public static string?[] Figures(TableCell?[] row, int figureColumns) =>
        row[^figureColumns..].Select(c => c is null || c.IsBlank ? null : c.Text.Trim()).ToArray();

    public static string Dump(ReportDocument document) =>
        string.Join("\n", document.Blocks.Select(b => b switch
        {
            Paragraph p => "P: " + p.Text,
            Table t => "TABLE\n" + string.Join("\n", t.ToGrid().Select((r, i) =>
                (t.Rows[i].StartsPage ? "^ " : "  ") + string.Join(" | ", r.Select(c => c is null ? "·" : c.Text + (c.Confidence is { } x ? $"@{x:0.00}" : ""))))),
            _ => "?",
        }));

    [GeneratedRegex(@"^([一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[0-9]{1,2}[.．、])")]
    private static partial Regex Marker();
}
