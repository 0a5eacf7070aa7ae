using Crawler.Reports.Documents;

namespace Crawler.Reports.Parsing;

/// <summary>
/// Where things are in a document: the title, the six section headings (一 … 六) and the tables,
/// by block index. Built by <see cref="OutlineReader"/>.
/// </summary>
internal sealed class ReportOutline
{
    public ReportOutline(ReportDocument document, string? title, int titleBlock, int[] headings)
    {
        Document = document;
        Title = title;
        TitleBlock = titleBlock;
        Headings = headings;
    }

    public ReportDocument Document { get; }

    public string? Title { get; }

    /// <summary>Block index of the (last line of the) title, or -1.</summary>
    public int TitleBlock { get; }

    /// <summary>Block index of each section heading, indexed 1..6; -1 when not found.</summary>
    public int[] Headings { get; }

    public int HeadingCount => Headings.Count(h => h >= 0);

    /// <summary>The section (1..6) a block belongs to, or 0 before the first heading.</summary>
    public int SectionOf(int block)
    {
        var section = 0;
        for (var n = 1; n <= 6; n++)
        {
            if (Headings[n] >= 0 && Headings[n] < block) section = n;
        }
        return section;
    }

    /// <summary>The paragraphs of section <paramref name="n"/> (up to the next heading), in order.</summary>
    public IEnumerable<string> SectionParagraphs(int n)
    {
        var start = Headings[n];
        return start < 0 ? [] : ParagraphsBetween(start + 1, NextHeadingAfter(start));
    }

    /// <summary>The paragraphs between the title and the first heading (or the first table).</summary>
    public IEnumerable<string> IntroductionParagraphs()
    {
        var end = Document.Blocks.Count;
        for (var n = 1; n <= 6; n++) if (Headings[n] >= 0) { end = Headings[n]; break; }
        for (var b = Math.Max(0, TitleBlock + 1); b < end; b++)
        {
            if (Document.Blocks[b] is Table) { end = b; break; }
        }
        return ParagraphsBetween(TitleBlock + 1, end);
    }

    private int NextHeadingAfter(int block)
    {
        var next = Document.Blocks.Count;
        for (var n = 1; n <= 6; n++) if (Headings[n] > block && Headings[n] < next) next = Headings[n];
        return next;
    }

    private IEnumerable<string> ParagraphsBetween(int from, int to)
    {
        for (var b = Math.Max(0, from); b < to && b < Document.Blocks.Count; b++)
        {
            if (Document.Blocks[b] is Paragraph paragraph) yield return paragraph.Text;
        }
    }
}
