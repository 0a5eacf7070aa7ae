using Crawler.Extraction.Ocr.Grid;

namespace Crawler.Extraction.Tests.Ocr.Grid;

public sealed class LabelCleanerTests
{
    [Theory]
    [InlineData("《一)》予以公羽", "（一）予以公羽")]
    [InlineData("〈四)无法提供", "（四）无法提供")]
    [InlineData("(—)予以公开", "（一）予以公开")]
    [InlineData("3，其他", "3.其他")]
    [InlineData("1.，本机关不掌握相关政府信息", "1.本机关不掌握相关政府信息")]
    [InlineData("2.重复申请", "2.重复申请")]
    [InlineData("5S.要求行政机关确认", "5S.要求行政机关确认")]
    [InlineData("0", "0")]
    [InlineData("1,086", "1,086")]
    [InlineData("（七）总讨", "（七）总计")]
    [InlineData("总讨", "总计")]
    [InlineData("3.其池", "3.其他")]
    [InlineData("其他", "其他")]
    [InlineData("邮编", "邮编")]
    public void Only_the_numbering_of_a_label_and_a_short_label_one_letter_off_are_repaired(string read, string expected) =>
        Assert.Equal(expected, LabelCleaner.Clean(read));
}
