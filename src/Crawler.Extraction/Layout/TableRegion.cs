namespace Crawler.Extraction.Layout;

/// <summary>The lines of one table on one page (a table crossing a page break has one region per page).</summary>
internal sealed record TableRegion(int Page, IReadOnlyList<LayoutLine> Lines)
{
    public IEnumerable<LayoutSegment> Segments => Lines.SelectMany(l => l.Segments);
}
