using Crawler.Reports.Documents;
using Crawler.Reports.Publication;

namespace Crawler.Reports.Tests.Publication;

public class SignatureDateTests
{
    private static ReportDocument Document(params string[] paragraphs) => new([.. paragraphs.Select(p => (DocumentBlock)new Paragraph(p))]);

    [Theory]
    [InlineData("2024年1月25日")]
    [InlineData("聊城市商务局 2024年1月25日")]
    [InlineData("二〇二四年一月二十五日")]
    [InlineData("  2024 年 1 月 25 日  ")]
    public void The_signature_date_near_the_end_is_read(string signature)
    {
        var date = SignatureDate.Find(Document("一、总体情况", "本年度……", "六、其他需要报告的事项", "无。", "聊城市商务局", signature, "附件：表格.xls"));
        Assert.Equal(new DateOnly(2024, 1, 25), date!.Date);
        Assert.Equal(DateSource.Signature, date.Source);
    }

    [Theory]
    [InlineData("发布日期：2024-01-25")]
    [InlineData("统计期限为2023年1月1日至2023年12月31日")]
    [InlineData("本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。")]
    [InlineData("2023年1月1日-2023年12月31日")]
    [InlineData("第3页 2024年1月25日")]
    public void Labelled_dates_and_periods_are_no_signature(string line) => Assert.Null(SignatureDate.FromLine(line));

    [Fact]
    public void A_date_early_in_a_long_document_is_no_signature()
    {
        var paragraphs = new[] { "2024年1月25日" }.Concat(Enumerable.Range(1, 20).Select(i => $"第{i}段正文。")).ToArray();
        Assert.Null(SignatureDate.Find(Document(paragraphs)));
    }
}
