using Crawler.Extraction.Ocr.Grid;

namespace Crawler.Extraction.Tests.Ocr.Grid;

public sealed class DeskewTests
{
    private static SyntheticScan Table() =>
        new SyntheticScan(900, 700).Grid([100, 300, 450, 600, 800], [100, 150, 200, 250, 300, 350, 400]).Mark(120, 115, 200, 135);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(-0.8)]
    [InlineData(1.3)]
    [InlineData(-1.45)]
    public void The_angle_of_a_turned_ruled_grid_is_found_within_a_tenth_of_a_degree(double degrees)
    {
        var angle = Deskew.EstimateAngle(Table().Render(degrees));
        Assert.InRange(angle, degrees - 0.1, degrees + 0.1);
    }

    [Fact]
    public void Straightening_a_turned_grid_gives_back_its_cells_and_spans()
    {
        var scan = new SyntheticScan(900, 700).Grid([100, 300, 450, 600, 800], [150, 200, 250, 300]).Cell(100, 100, 800, 150);
        var turned = scan.Render(1.2);
        var straight = Deskew.Straighten(turned, Deskew.EstimateAngle(turned));
        var table = Assert.Single(RuledTableFinder.Find(CellFinder.Find(RulingMask.Build(straight, 50, 40), 900, 700, 16), 12));
        Assert.Equal((4, 4), (table.Rows, table.Columns));
        var title = Assert.Single(table.Cells, c => c.Row == 0);
        Assert.Equal((0, 1, 4), (title.Column, title.RowSpan, title.ColumnSpan));
    }

    [Fact]
    public void A_blank_page_has_no_angle_and_is_left_as_it_is()
    {
        var blank = new GrayImage(200, 100, Enumerable.Repeat((byte)255, 200 * 100).ToArray());
        Assert.Equal(0, Deskew.EstimateAngle(blank));
        Assert.Same(blank, Deskew.Straighten(blank, 0));
    }
}
