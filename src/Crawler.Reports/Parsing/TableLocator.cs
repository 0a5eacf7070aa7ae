using Crawler.Reports.Documents;

namespace Crawler.Reports.Parsing;

/// <summary>
/// Decides which template table each printed table is, by the labels it carries; a table with no telling
/// label belongs to the section it sits in, or continues the table before it (a table split by a page).
/// </summary>
internal static class TableLocator
{
    private static readonly string[] ActiveWords = ["本年制发件数", "现行有效件数", "本年新制作数量", "对外公开总数量", "第二十条", "行政规范性文件", "行政事业性收费", "本年处理决定数量", "政府集中采购"];
    private static readonly string[] ApplicationWords = ["本年新收", "申请人情况", "自然人", "予以公开", "结转下年度", "不予公开", "无法提供", "不予处理"];
    private static readonly string[] ReviewWords = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结", "复议后起诉", "直接起诉"];

    public static Dictionary<TableKind, List<Table>> Locate(ReportOutline outline)
    {
        var located = new Dictionary<TableKind, List<Table>>();
        var previous = TableKind.None;
        var blocks = outline.Document.Blocks;
        var previousBlock = -1;
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b] is not Table table) continue;
            var kind = Classify(table);
            if (kind == TableKind.None)
            {
                kind = outline.SectionOf(b) switch
                {
                    2 => TableKind.ActiveDisclosure,
                    3 => TableKind.Applications,
                    4 => TableKind.ReviewAndLitigation,
                    _ => outline.SectionOf(b) == outline.SectionOf(previousBlock) ? previous : TableKind.None,
                };
            }
            if (kind == TableKind.None) continue;
            if (!located.TryGetValue(kind, out var list)) located[kind] = list = new List<Table>();
            list.Add(table);
            previous = kind;
            previousBlock = b;
        }
        return located;
    }

    private static TableKind Classify(Table table)
    {
        int active = 0, applications = 0, review = 0;
        foreach (var row in table.Rows)
        {
            foreach (var cell in row.Cells)
            {
                var text = cell.Text;
                if (text.Length < 2) continue;
                active += Count(text, ActiveWords);
                applications += Count(text, ApplicationWords);
                review += Count(text, ReviewWords);
            }
        }
        if (active == 0 && applications == 0 && review == 0) return TableKind.None;
        if (applications >= active && applications >= review) return TableKind.Applications;
        return active >= review ? TableKind.ActiveDisclosure : TableKind.ReviewAndLitigation;
    }

    private static int Count(string text, string[] words)
    {
        var count = 0;
        foreach (var word in words) if (text.Contains(word, StringComparison.Ordinal)) count++;
        return count;
    }
}
