using Crawler.Extraction.Ocr.Grid;
using Crawler.Reports.Model;

namespace Crawler.Extraction.Tests.Ocr.Grid;

public sealed class CellSuspectsTests
{
    [Fact]
    public void A_doubtful_figure_is_named_by_page_row_label_column_header_and_what_was_read()
    {
        GridCell Cell(int row, int column, int columnSpan = 1) => new(new CellBox(column * 100, row * 50, (column + columnSpan) * 100, (row + 1) * 50), row, column, 1, columnSpan);
        GridCell corner = Cell(0, 0), natural = Cell(0, 1), total = Cell(0, 2), label = Cell(1, 0), figure = Cell(1, 1), sum = Cell(1, 2);
        var table = new RuledTable([corner, natural, total, label, figure, sum], 2, 3, new CellBox(0, 0, 300, 100), [0, 100, 200, 300], [0, 50, 100]);
        var readings = new Dictionary<GridCell, CellReading>
        {
            [natural] = new("自然人", 0.96), [total] = new("总计", 0.41), [label] = new("（一）予以公开", 0.30),
            [figure] = new("8", 0.55), [sum] = new("", 0),
        };

        var findings = CellSuspects.Find(3, table, readings, 0.80);

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal((FindingCodes.LowConfidence, FindingSeverity.Warning, "ocr"), (f.Code, f.Severity, f.Where)));
        Assert.Equal("第 3 页表格第 2 行第 2 列（“（一）予以公开”行、“自然人”列）的单元格识别为“8”，置信度 55%，低于 80%，请对照原件核对", findings[0].Message);
        Assert.Equal("第 3 页表格第 2 行第 3 列（“（一）予以公开”行、“总计”列）的单元格有字迹但未识别出文字，置信度 0%，低于 80%，请对照原件核对", findings[1].Message);
    }
}
