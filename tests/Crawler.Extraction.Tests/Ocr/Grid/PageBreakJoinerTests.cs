using Crawler.Extraction.Ocr.Grid;

namespace Crawler.Extraction.Tests.Ocr.Grid;

public sealed class PageBreakJoinerTests
{
    private static GridCell Cell(int row, int column, int rowSpan = 1, int columnSpan = 1) => new(new CellBox(row, column, row + 1, column + 1), row, column, rowSpan, columnSpan);

    /// <summary>
    /// Seed 001's table 3 cut by a page break: the previous page holds the note and 自然 / 法人或其他组织 /
    /// 总计; the next page, shifted 12 px to the right by the scan, starts with 人 and the sub-headers,
    /// then a row whose only figure is its 总计.
    /// </summary>
    [Fact]
    public void A_table_cut_by_a_page_break_is_one_grid_and_its_cut_header_is_one_cell_again()
    {
        GridCell note = Cell(0, 0), natural = Cell(0, 1), legal = Cell(0, 2), total = Cell(0, 3);
        var before = new PlacedTable(
            new RuledTable([note, natural, legal, total], 1, 4, new CellBox(100, 2000, 1500, 2200), [100, 600, 700, 1400, 1500], [2000, 2200]),
            new Dictionary<GridCell, CellReading> { [note] = new("(本列数据的勾稽关系…)", 0.5), [natural] = new("自然", 0.97), [legal] = new("法人或其他组织", 0.93), [total] = new("总计", 0.9) },
            Page: 1, PageHeight: 2339);
        GridCell blank = Cell(0, 0, 1, 1), person = Cell(0, 1), enterprise = Cell(0, 2), other = Cell(0, 3), empty = Cell(0, 4);
        GridCell label = Cell(1, 0), n = Cell(1, 1), e = Cell(1, 2), o = Cell(1, 3), sum = Cell(1, 4);
        var after = new PlacedTable(
            new RuledTable([blank, person, enterprise, other, empty, label, n, e, o, sum], 2, 5, new CellBox(112, 180, 1512, 400), [112, 612, 712, 1062, 1412, 1512], [180, 230, 300]),
            new Dictionary<GridCell, CellReading>
            {
                [person] = new("人", 0.96), [enterprise] = new("商业企业", 0.9), [other] = new("其他", 0.97),
                [label] = new("一、本年新收政府信息公开申请数量", 0.8), [sum] = new("0", 0.97),
            },
            Page: 2, PageHeight: 2339);

        var joined = PageBreakJoiner.Join([before, after], 200);

        Assert.Equal(2, joined.Count);
        Assert.Null(joined[1]);
        var grid = joined[0]!.ToGrid();
        Assert.Equal(3, grid.Length);
        Assert.All(grid, row => Assert.Equal(5, row.Length));
        Assert.Equal("自然人", grid[0][1]!.Text);
        // The header cell cut by the break (自然 | 人) spans on over the next row: one cell, not an empty one.
        Assert.Same(grid[0][1], grid[1][1]);
        Assert.Same(grid[0][2], grid[0][3]);
        Assert.Equal("法人或其他组织", grid[0][2]!.Text);
        Assert.Equal("总计", grid[0][4]!.Text);
        Assert.Equal("0", grid[2][4]!.Text);
        // The rows read from page 2 are continuation rows: the first of them starts the page.
        Assert.Equal([false, true, false], joined[0]!.Rows.Select(r => r.StartsPage));
    }

    [Fact]
    public void Tables_on_one_page_or_of_different_widths_stay_apart()
    {
        GridCell a = Cell(0, 0), b = Cell(0, 0);
        var read = new Dictionary<GridCell, CellReading> { [a] = new("规章", 0.9) };
        var first = new PlacedTable(new RuledTable([a], 1, 1, new CellBox(100, 1800, 1500, 2200), [100, 1500], [1800, 2200]), read, 1, 2339);
        var samePage = first with { Grid = first.Grid with { Bounds = new CellBox(100, 100, 1500, 300) } };
        var narrower = new PlacedTable(new RuledTable([b], 1, 1, new CellBox(100, 100, 900, 300), [100, 900], [100, 300]), read, 2, 2339);
        Assert.All(PageBreakJoiner.Join([first, samePage], 200), Assert.NotNull);
        Assert.All(PageBreakJoiner.Join([first, narrower], 200), Assert.NotNull);
    }
}
