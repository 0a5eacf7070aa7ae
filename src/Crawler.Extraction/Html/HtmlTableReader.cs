using Crawler.Reports.Documents;
using HtmlAgilityPack;

namespace Crawler.Extraction.Html;

/// <summary>
/// An HTML table as printed: each row lists the cells that start in it with their rowspan/colspan
/// (<see cref="Table.ToGrid"/> expands them). A cell's paragraphs and line breaks are joined with a
/// newline; a cell holding only &amp;nbsp; is blank; a small table nested in a cell is flattened into
/// the cell's text.
/// </summary>
internal static class HtmlTableReader
{
    private const int MaxSpan = 500;

    public static Table Read(HtmlNode table, CancellationToken cancellationToken = default)
    {
        var rows = OwnRows(table)
            .Select(tr =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return new TableRow(tr.ChildNodes.Where(IsCell).Select(ReadCell).ToList());
            })
            .ToList();
        return new Table(rows);
    }

    /// <summary>
    /// A table used for page layout rather than data: a cell of it holds a real grid (two rows of two
    /// cells or more) with at least as many cells as the table itself has. Its cells are then read as
    /// containers. A data table with a little grid nested in one header cell stays a data table.
    /// </summary>
    public static bool IsLayout(HtmlNode table)
    {
        var own = OwnCells(table).ToList();
        var largestGrid = own.SelectMany(cell => cell.Descendants("table"))
            .Where(inner => OwnRows(inner).Count(r => r.ChildNodes.Count(IsCell) >= 2) >= 2)
            .Select(inner => OwnCells(inner).Count())
            .DefaultIfEmpty(0)
            .Max();
        return largestGrid > 0 && largestGrid >= own.Count;
    }

    public static IEnumerable<HtmlNode> OwnCells(HtmlNode table) => OwnRows(table).SelectMany(tr => tr.ChildNodes.Where(IsCell));

    private static List<HtmlNode> OwnRows(HtmlNode table)
    {
        var rows = new List<HtmlNode>();
        foreach (var child in table.ChildNodes)
        {
            if (child.Name == "tr") rows.Add(child);
            else if (child.Name is "tbody" or "thead" or "tfoot") rows.AddRange(child.ChildNodes.Where(n => n.Name == "tr"));
        }
        return rows;
    }

    private static bool IsCell(HtmlNode node) => node.Name is "td" or "th";

    private static TableCell ReadCell(HtmlNode cell)
    {
        var lines = new List<string>();
        var current = new System.Text.StringBuilder();
        Collect(cell, lines, current);
        Close(lines, current);
        return new TableCell(string.Join("\n", lines), Span(cell, "rowspan"), Span(cell, "colspan"));
    }

    private static void Collect(HtmlNode node, List<string> lines, System.Text.StringBuilder current)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == HtmlNodeType.Text)
            {
                current.Append(HtmlText.Decode(child.InnerText));
            }
            else if (child.NodeType != HtmlNodeType.Element || child.Name is "script" or "style")
            {
                continue;
            }
            else if (child.Name == "br")
            {
                Close(lines, current);
            }
            else if (child.Name == "table")
            {
                Close(lines, current);
                foreach (var row in OwnRows(child))
                {
                    lines.Add(string.Join(" ", row.ChildNodes.Where(IsCell).Select(c => ReadCell(c).Text.Replace('\n', ' ')).Where(t => t.Length > 0)));
                }
            }
            else if (child.Name is "p" or "div" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                Close(lines, current);
                Collect(child, lines, current);
                Close(lines, current);
            }
            else
            {
                Collect(child, lines, current);
            }
        }
    }

    private static void Close(List<string> lines, System.Text.StringBuilder current)
    {
        var text = HtmlText.Clean(current.ToString());
        current.Clear();
        if (text.Length > 0) lines.Add(text);
    }

    private static int Span(HtmlNode cell, string attribute)
    {
        var raw = cell.GetAttributeValue(attribute, "1").Trim().TrimEnd(';');
        return int.TryParse(raw, out var span) ? Math.Clamp(span, 1, MaxSpan) : 1;
    }
}
