using Crawler.Extraction.Layout;
using Crawler.Extraction.Ocr.Grid;
using Crawler.Extraction.Pdf.Lattice;
using Crawler.Reports.Documents;

namespace Crawler.Extraction.Pdf;

/// <summary>
/// A text PDF's pages to the format-neutral document. Ruled tables are read cell by cell from their rulings
/// (<see cref="LatticeReader"/>) and joined across page breaks like scanned ones (<see cref="PageBreakJoiner"/>);
/// everything else — prose, and tables drawn without rulings — goes through the word-position rebuilder, with a
/// placeholder where each ruled table stood so that it comes back in reading order.
/// </summary>
internal static class TextPdfDocument
{
    public static ReportDocument Build(IReadOnlyList<PdfPageContent> pages)
    {
        var placed = new List<PlacedTable>();
        var layoutPages = new List<LayoutPage>();
        var latticePages = new HashSet<int>();
        foreach (var page in pages)
        {
            var tables = LatticeReader.Read(page);
            var used = new HashSet<PdfGlyph>(tables.SelectMany(t => t.Glyphs));
            var words = PdfWords.Build(page.Number, page.Glyphs.Where(g => !used.Contains(g)));
            var height = words.Count > 0 ? LineGrouper.Median(words.Select(w => w.Height)) : 12;
            foreach (var table in tables)
            {
                var b = table.Grid.Bounds;
                words.Add(TableMarkers.Word(page.Number, placed.Count,
                    new CellBox(b.Left / LatticeTable.Scale, b.Top / LatticeTable.Scale, b.Right / LatticeTable.Scale, b.Bottom / LatticeTable.Scale), height));
                var (top, bottom) = (b.Top / (double)LatticeTable.Scale, b.Bottom / (double)LatticeTable.Scale);
                var prose = words.Where(w => !IsFurniture(w, page)).ToList();
                placed.Add(new PlacedTable(table.Grid, table.Texts, page.Number, (int)Math.Round(page.Height * LatticeTable.Scale),
                    EndsPage: !prose.Any(w => w.Top >= bottom) && !tables.Any(t => t.Grid.Bounds.Top >= b.Bottom),
                    StartsPage: !prose.Any(w => w.Bottom <= top) && !tables.Any(t => t.Grid.Bounds.Bottom <= b.Top)));
                latticePages.Add(page.Number);
            }
            layoutPages.Add(new LayoutPage(page.Number, page.Width, page.Height, words));
        }
        var rebuilt = TableRebuilder.Rebuild(layoutPages, LayoutSettings.TextLayer);
        if (placed.Count == 0) return rebuilt.Document;
        var joined = PageBreakJoiner.Join(placed, LatticeTable.UnitsPerInch).Select(t => t is null ? null : WithoutConfidence(t)).ToList();
        return new ReportDocument(TableMarkers.Replace(ProseTables.Flatten(rebuilt.Document.Blocks, rebuilt.Figures, latticePages), joined));
    }

    /// <summary>
    /// A word that does not stop a table continuing over a page break: in the top or bottom eighth of the page
    /// (running header, footer, page number), or a page number anywhere below the table.
    /// </summary>
    private static bool IsFurniture(LayoutWord word, PdfPageContent page) =>
        word.Text.StartsWith("@@GRID", StringComparison.Ordinal) || word.Bottom <= page.Height / 8 || word.Top >= page.Height * 7 / 8 || LayoutText.IsPageNumber(word.Text);

    /// <summary>A text layer's cells carry no confidence: only OCR sets it, and the parser reads it as "came from OCR".</summary>
    private static Table WithoutConfidence(Table table) =>
        new(table.Rows.Select(r => r with { Cells = r.Cells.Select(c => c with { Confidence = null }).ToList() }).ToList());
}
