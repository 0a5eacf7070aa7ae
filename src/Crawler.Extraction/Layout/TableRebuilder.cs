using Crawler.Reports.Documents;

namespace Crawler.Extraction.Layout;

/// <summary>
/// Word boxes (from a PDF text layer or from OCR) to the format-neutral document: page furniture
/// dropped, tables rebuilt as grids (joined across page breaks), the rest as paragraphs.
/// </summary>
public static class TableRebuilder
{
    public static RebuiltDocument Rebuild(IReadOnlyList<LayoutPage> pages, LayoutSettings settings)
    {
        var height = LineGrouper.Median(pages.SelectMany(p => p.Words).Select(w => w.Height));
        if (height <= 0) return new RebuiltDocument(ReportDocument.Empty, []);
        var lines = PageFurniture.Remove(pages, pages.Select(p => LineGrouper.Group(p.Words, settings)).ToList());
        var items = pages.Select((p, i) => TableRegionFinder.Find(p.Number, lines[i], height)).ToList();

        var blocks = new List<DocumentBlock>();
        var numbers = new List<RebuiltCell>();
        var paragraphs = new ParagraphAssembler(lines, height);
        List<TableRegion>? table = null;
        void FlushTable()
        {
            if (table is null) return;
            blocks.Add(TableGridBuilder.Build(table, height, settings, numbers));
            table = null;
        }
        for (var p = 0; p < items.Count; p++)
        {
            for (var i = 0; i < items[p].Count; i++)
            {
                var item = items[p][i];
                if (item.Region is { } region)
                {
                    paragraphs.Flush(blocks);
                    // A table continues across the break when it ended its page and this one begins with a table.
                    var continues = table is not null && i == 0 && Compatible(table[^1], region, height);
                    if (!continues) FlushTable();
                    (table ??= []).Add(region);
                }
                else
                {
                    FlushTable();
                    paragraphs.Add(item.Line!, blocks);
                }
            }
            if (items[p].Count > 0 && items[p][^1].Region is null) FlushTable();
        }
        paragraphs.Flush(blocks);
        FlushTable();
        return new RebuiltDocument(new ReportDocument(blocks), numbers);
    }

    /// <summary>Every figure column of the shorter part lines up with one of the other's.</summary>
    private static bool Compatible(TableRegion before, TableRegion after, double height)
    {
        var a = FigureCentres(before);
        var b = FigureCentres(after);
        if (a.Count == 0 || b.Count == 0) return true;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        return small.All(x => large.Any(y => Math.Abs(x - y) <= height));
    }

    private static List<double> FigureCentres(TableRegion region) =>
        region.Segments.Where(s => DigitRepair.Repair(s.Text) is not null).Select(s => s.CentreX).ToList();
}
