using Crawler.Extraction.Layout;
using Crawler.Reports.Documents;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// On a page whose ruled tables were read cell by cell, the word-position rebuilder sees only prose, yet
/// takes a paragraph with figures in it ("发布信息 37 条，涉及…") for a table. Such a table becomes
/// paragraphs again, one per row, so that the parser never mistakes it for a continuation of table 2.
/// A rebuilt table on a page without ruled tables (an unruled scan) stays.
/// </summary>
internal static class ProseTables
{
    public static List<DocumentBlock> Flatten(IReadOnlyList<DocumentBlock> blocks, IReadOnlyList<RebuiltCell> figures, IReadOnlySet<int> gridPages)
    {
        var pageOf = new Dictionary<TableCell, int>(ReferenceEqualityComparer.Instance);
        foreach (var figure in figures) pageOf.TryAdd(figure.Cell, figure.Page);
        var output = new List<DocumentBlock>();
        foreach (var block in blocks)
        {
            if (block is not Table table || !OnGridPage(table, pageOf, gridPages))
            {
                output.Add(block);
                continue;
            }
            foreach (var row in table.Rows)
            {
                var text = string.Join(" ", row.Cells.Select(c => c.Text.Trim()).Where(t => t.Length > 0));
                if (text.Length > 0) output.Add(new Paragraph(text));
            }
        }
        return output;
    }

    /// <summary>Whether any figure of the table was read on a grid page; a table without figures is prose as well.</summary>
    public static bool OnGridPage(Table table, IReadOnlyDictionary<TableCell, int> pageOf, IReadOnlySet<int> gridPages)
    {
        var pages = table.Rows.SelectMany(r => r.Cells).Where(pageOf.ContainsKey).Select(c => pageOf[c]).ToList();
        return pages.Count == 0 || pages.Any(gridPages.Contains);
    }
}
