using Crawler.Reports.Documents;

namespace Crawler.Extraction.Layout;

/// <summary>
/// Joins the lines outside tables into paragraphs: a line continues the paragraph above when that one
/// ran to the right margin and this one is not indented, not a section heading and not far below.
/// Headings (一、总体情况) and short lines end their paragraph.
/// </summary>
internal sealed class ParagraphAssembler(IReadOnlyList<IReadOnlyList<LayoutLine>> lines, double height)
{
    private readonly double left = lines.SelectMany(l => l).Select(l => l.Left).DefaultIfEmpty(0).Min();
    private readonly double right = lines.SelectMany(l => l).Select(l => l.Right).DefaultIfEmpty(0).Max();
    private readonly List<LayoutLine> current = [];

    public void Add(LayoutLine line, List<DocumentBlock> blocks)
    {
        if (current.Count > 0 && StartsNew(current[^1], line)) Flush(blocks);
        current.Add(line);
    }

    public void Flush(List<DocumentBlock> blocks)
    {
        if (current.Count == 0) return;
        var text = LayoutText.JoinLines(current.Select(l => l.Text)).Trim();
        if (text.Length > 0) blocks.Add(new Paragraph(text));
        current.Clear();
    }

    private bool StartsNew(LayoutLine previous, LayoutLine line)
    {
        var previousFull = previous.Right >= right - 2 * height;
        var indented = line.Left > left + height;
        var farBelow = line.Page == previous.Page && line.Top - previous.Bottom > height;
        return !previousFull || indented || farBelow || LayoutText.IsSectionHeading(line.Text);
    }
}
