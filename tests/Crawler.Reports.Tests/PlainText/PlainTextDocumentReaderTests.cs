using Crawler.Extraction.PlainText;
using Crawler.Reports.Documents;

namespace Crawler.Reports.Tests.PlainText;

public class PlainTextDocumentReaderTests
{
    [Fact]
    public void Pdf_rows_are_tab_separated_cells_and_a_blank_line_inside_a_table_is_a_page_break()
    {
        var document = PlainTextDocumentReader.Read("三、收到和处理\n\n规章\t0\t1\n行政许可\t2\t\n\n行政处罚\t3\n\n五、存在的主要问题");

        Assert.Collection(document.Blocks,
            b => Assert.Equal("三、收到和处理", Assert.IsType<Paragraph>(b).Text),
            b =>
            {
                var table = Assert.IsType<Table>(b);
                Assert.Equal(3, table.Rows.Count);
                Assert.Equal(["规章", "0", "1"], table.Rows[0].Cells.Select(c => c.Text));
                Assert.Equal(["行政许可", "2", ""], table.Rows[1].Cells.Select(c => c.Text));
                Assert.False(table.Rows[1].StartsPage);
                Assert.True(table.Rows[2].StartsPage);
            },
            b => Assert.Equal("五、存在的主要问题", Assert.IsType<Paragraph>(b).Text));
    }

    [Fact]
    public void Docx_cells_are_one_per_line_rows_end_at_a_blank_line_and_a_plain_line_continues_the_cell()
    {
        var text = "四、行政复议\n\t结果\n维持\n\t总计\n\n\t\n\t[bookmark: _Hlk67039688]复议后起诉\n\t0\n\n五、问题";

        var document = PlainTextDocumentReader.Read(text);

        var table = Assert.IsType<Table>(document.Blocks[1]);
        Assert.Equal(["结果维持", "总计"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["", "复议后起诉", "0"], table.Rows[1].Cells.Select(c => c.Text));
        Assert.False(table.Rows[1].StartsPage);
        Assert.Equal("五、问题", Assert.IsType<Paragraph>(document.Blocks[2]).Text);
    }

    [Fact]
    public void Markdown_heading_marks_bold_and_rules_are_not_content_and_pipe_rows_are_tables()
    {
        var text = "# 海东市商务局\n\n---\n\n## 标题\n\n**（一）强化领导。**正文\n\n| 规章 | 0 | 0 |\n|---|---|---|\n| 行政许可 | 3 | |";

        var document = PlainTextDocumentReader.Read(text);

        Assert.Equal(["海东市商务局", "标题", "（一）强化领导。正文"], document.Paragraphs.Select(p => p.Text));
        var table = Assert.Single(document.Tables);
        Assert.Equal(["规章", "0", "0"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["行政许可", "3", ""], table.Rows[1].Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData("-3-")]
    [InlineData("— 12 —")]
    [InlineData("第 2 页")]
    [InlineData("第2页 共9页")]
    public void Page_number_lines_are_dropped_even_inside_a_table(string pageNumber)
    {
        var document = PlainTextDocumentReader.Read($"规章\t0\t0\n{pageNumber}\n行政许可\t1\t");

        var table = Assert.Single(document.Tables);
        Assert.Equal(2, table.Rows.Count);
        Assert.Empty(document.Paragraphs);
    }

    [Fact]
    public void A_negative_number_in_a_docx_cell_is_a_value_not_a_page_number()
    {
        var table = Assert.Single(PlainTextDocumentReader.Read("\t行政许可\n\t-2\n").Tables);

        Assert.Equal(["行政许可", "-2"], table.Rows[0].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Crlf_and_a_byte_order_mark_read_like_plain_newlines()
    {
        var document = PlainTextDocumentReader.Read("\ufeff标题\r\n\r\n规章\t0\r\n");

        Assert.Equal("标题", Assert.IsType<Paragraph>(document.Blocks[0]).Text);
        Assert.Equal(["规章", "0"], Assert.IsType<Table>(document.Blocks[1]).Rows[0].Cells.Select(c => c.Text));
    }
}
