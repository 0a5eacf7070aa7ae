using Crawler.Extraction.Ocr.Grid;
using Crawler.Reports.Documents;

namespace Crawler.Extraction.Tests.Ocr.Grid;

public sealed class TableMarkersTests
{
    private static Table Table(string text) => new([new TableRow([new TableCell(text)])]);

    private static string Marker(int index) => TableMarkers.Word(1, index, new CellBox(0, 0, 10, 10), 20).Text;

    [Fact]
    public void Each_placeholder_is_replaced_by_its_table_in_reading_order()
    {
        var (a, b, c) = (Table("a"), Table("b"), Table("c"));
        var blocks = new DocumentBlock[]
        {
            new Paragraph("二、主动公开政府信息情况"),
            new Paragraph(Marker(0)),
            new Paragraph($"三、收到和处理 {Marker(1)} 说明"),
            new Paragraph(Marker(27)),
        };
        var tables = new Table?[28];
        (tables[0], tables[1], tables[27]) = (a, b, c);
        for (var k = 2; k < 27; k++) tables[k] = null;
        var replaced = TableMarkers.Replace(blocks, tables);
        Assert.Equal<object>([blocks[0], a, new Paragraph("三、收到和处理"), b, new Paragraph("说明"), c], replaced);
    }

    [Fact]
    public void A_table_whose_placeholder_was_lost_is_kept_after_the_last_one_placed()
    {
        var (a, b) = (Table("a"), Table("b"));
        var replaced = TableMarkers.Replace([new Paragraph(Marker(0)), new Paragraph("五、存在的主要问题")], [a, b]);
        Assert.Equal<object>([a, b, new Paragraph("五、存在的主要问题")], replaced);
    }
}
