using Crawler.Reports.Documents;

namespace Crawler.Reports.Tests.Documents;

public class TableTests
{
    [Fact]
    public void ToGrid_expands_row_and_column_spans_into_a_rectangle()
    {
        var group = new TableCell("三、本年度办理结果", RowSpan: 2);
        var header = new TableCell("申请人情况", ColumnSpan: 2);
        var table = new Table(
        [
            new TableRow([new TableCell(""), header]),
            new TableRow([group, new TableCell("1"), new TableCell("2")]),
            new TableRow([new TableCell("3"), new TableCell("4")]),
        ]);

        var grid = table.ToGrid();

        Assert.Equal(3, grid.Length);
        Assert.All(grid, row => Assert.Equal(3, row.Length));
        Assert.Same(header, grid[0][1]);
        Assert.Same(header, grid[0][2]);
        Assert.Same(group, grid[1][0]);
        Assert.Same(group, grid[2][0]);
        Assert.Equal("3", grid[2][1]!.Text);
        Assert.Equal("4", grid[2][2]!.Text);
    }
}
