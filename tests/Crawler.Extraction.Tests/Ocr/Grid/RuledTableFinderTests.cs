using Crawler.Extraction.Ocr.Grid;

namespace Crawler.Extraction.Tests.Ocr.Grid;

public sealed class RuledTableFinderTests
{
    /// <summary>
    /// Table 3's shape in small: a note cell spanning two header rows and the label column, a header
    /// spanning three columns over two sub-headers and 总计, a group label spanning two body rows.
    /// </summary>
    private static SyntheticScan MergedTable() => new SyntheticScan(1000, 600)
        .Cell(100, 100, 400, 200)                                // note: rows 0-1, columns 0-1
        .Cell(400, 100, 900, 150)                                // 申请人情况: row 0, columns 2-4
        .Cell(400, 150, 550, 200).Cell(550, 150, 700, 200).Cell(700, 150, 900, 200)
        .Cell(100, 200, 200, 300)                                // group label: rows 2-3, column 0
        .Cell(200, 200, 400, 250).Cell(200, 250, 400, 300)
        .Grid([400, 550, 700, 900], [200, 250, 300])
        .Mark(130, 120, 160, 140).Mark(450, 215, 460, 235);      // text marks do not split cells

    private static List<RuledTable> Find(GrayImage image) =>
        RuledTableFinder.Find(CellFinder.Find(RulingMask.Build(image, 50, 40), image.Width, image.Height, 16), 12);

    [Fact]
    public void Merged_cells_get_exactly_their_row_and_column_spans()
    {
        var table = Assert.Single(Find(MergedTable().Render()));
        Assert.Equal((4, 5), (table.Rows, table.Columns));
        var spans = table.Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan)).Order().ToList();
        (int, int, int, int)[] expected =
        [
            (0, 0, 2, 2), (0, 2, 1, 3), (1, 2, 1, 1), (1, 3, 1, 1), (1, 4, 1, 1), (2, 0, 2, 1), (2, 1, 1, 1),
            (2, 2, 1, 1), (2, 3, 1, 1), (2, 4, 1, 1), (3, 1, 1, 1), (3, 2, 1, 1), (3, 3, 1, 1), (3, 4, 1, 1),
        ];
        Assert.Equal(expected, spans);
        Assert.Equal(14, table.Cells.Count);
    }

    [Fact]
    public void Two_tables_apart_on_a_page_are_two_tables_in_reading_order()
    {
        var page = new SyntheticScan(800, 700).Grid([100, 300, 500], [400, 450, 500]).Grid([100, 200, 300, 700], [100, 150, 200]);
        var tables = Find(page.Render());
        Assert.Equal(2, tables.Count);
        Assert.Equal((2, 3), (tables[0].Rows, tables[0].Columns));
        Assert.Equal((2, 2), (tables[1].Rows, tables[1].Columns));
        Assert.True(tables[0].Bounds.Top < tables[1].Bounds.Top);
    }

    [Fact]
    public void A_page_of_prose_without_rulings_has_no_table()
    {
        var prose = new SyntheticScan(800, 600);
        for (var line = 0; line < 10; line++)
            for (var ch = 0; ch < 20; ch++) prose.Mark(60 + (ch * 33), 60 + (line * 45), 86 + (ch * 33), 88 + (line * 45));
        var image = prose.Render(0.7);
        Assert.Empty(CellFinder.Find(RulingMask.Build(image, 50, 40), image.Width, image.Height, 16));
    }

    [Fact]
    public void An_all_black_page_has_no_cells()
    {
        var black = new GrayImage(400, 300, new byte[400 * 300]);
        Assert.Empty(CellFinder.Find(RulingMask.Build(black, 50, 40), 400, 300, 16));
    }
}
