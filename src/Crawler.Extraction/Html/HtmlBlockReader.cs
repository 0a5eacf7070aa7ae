using System.Text;
using Crawler.Reports.Documents;
using HtmlAgilityPack;

namespace Crawler.Extraction.Html;

/// <summary>
/// Walks the article body in reading order: text between block boundaries (block elements, &lt;br&gt;)
/// becomes a <see cref="Paragraph"/>, each data &lt;table&gt; a <see cref="Table"/>. A layout table (one
/// whose cells hold a real table) is walked through as if its cells were containers.
/// </summary>
internal sealed class HtmlBlockReader
{
    private static readonly HashSet<string> BlockElements =
    [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
        "center", "blockquote", "pre", "form", "address", "figure", "figcaption", "main", "tr", "td", "th", "tbody", "thead", "tfoot", "hr",
    ];

    private readonly List<DocumentBlock> _blocks = [];
    private readonly StringBuilder _line = new();
    private readonly CancellationToken _cancellationToken;

    private HtmlBlockReader(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    public static IReadOnlyList<DocumentBlock> Read(HtmlNode body, CancellationToken cancellationToken = default)
    {
        var reader = new HtmlBlockReader(cancellationToken);
        reader.Walk(body);
        reader.Flush();
        return reader._blocks;
    }

    private void Walk(HtmlNode node)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child.NodeType)
            {
                case HtmlNodeType.Text:
                    _line.Append(HtmlText.Decode(child.InnerText));
                    break;
                case HtmlNodeType.Element when child.Name == "br":
                    Flush();
                    break;
                case HtmlNodeType.Element when child.Name == "table":
                    _cancellationToken.ThrowIfCancellationRequested();
                    Flush();
                    if (HtmlTableReader.IsLayout(child))
                    {
                        foreach (var cell in HtmlTableReader.OwnCells(child))
                        {
                            Walk(cell);
                            Flush();
                        }
                    }
                    else if (HtmlTableReader.Read(child, _cancellationToken) is { Rows.Count: > 0 } table)
                    {
                        _blocks.Add(table);
                    }
                    break;
                case HtmlNodeType.Element when BlockElements.Contains(child.Name):
                    _cancellationToken.ThrowIfCancellationRequested();
                    Flush();
                    Walk(child);
                    Flush();
                    break;
                case HtmlNodeType.Element:
                    Walk(child);
                    break;
            }
        }
    }

    private void Flush()
    {
        var text = HtmlText.Clean(_line.ToString());
        _line.Clear();
        if (text.Length == 0 || Boilerplate.IsFurniture(text)) return;
        _blocks.Add(new Paragraph(text));
    }
}
