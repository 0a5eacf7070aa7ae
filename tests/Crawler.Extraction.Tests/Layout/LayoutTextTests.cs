using Crawler.Extraction.Layout;

namespace Crawler.Extraction.Tests.Layout;

public sealed class LayoutTextTests
{
    [Theory]
    // Seed 000 as LibreOffice justified it: the year broken over two lines is one number.
    [InlineData(new[] { "本报告中所列数据的统计期限自 202", "2 年 1 月 1 日起至 12 月 31 日止。" }, "本报告中所列数据的统计期限自 2022 年 1 月 1 日起至 12 月 31 日止。")]
    [InlineData(new[] { "共收到申请", "12 件。" }, "共收到申请 12 件。")]
    // Latin text keeps its space at a line break; so do numbers outside Chinese prose.
    [InlineData(new[] { "Annual report 2023", "page 2" }, "Annual report 2023 page 2")]
    [InlineData(new[] { "12", "34" }, "12 34")]
    public void Paragraph_lines_join_as_printed(string[] lines, string expected) =>
        Assert.Equal(expected, LayoutText.JoinLines(lines));
}
