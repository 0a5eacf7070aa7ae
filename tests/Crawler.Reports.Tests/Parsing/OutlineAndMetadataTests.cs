using Crawler.Reports.Documents;
using Crawler.Reports.Parsing;

namespace Crawler.Reports.Tests.Parsing;

public class OutlineAndMetadataTests
{
    [Theory]
    [InlineData("一、总体情况", 1)]
    [InlineData("### 二、主动公开政府信息情况", 0)]
    [InlineData("二、主动公开政府信息情况", 2)]
    [InlineData("5、 存在的主要问题及改进情况", 5)]
    [InlineData("六、其他需要报告的事项", 6)]
    [InlineData("3. 其他", 0)]
    [InlineData("1.主动公开情况。2023年，环翠区商务局共通过政府网站公开信息161条", 0)]
    [InlineData("2.依申请公开工作方面。", 0)]
    public void Section_headings_need_a_number_and_the_words_of_that_section(string text, int expected)
    {
        Assert.Equal(expected, OutlineReader.HeadingNumber(text));
    }

    [Fact]
    public void A_title_printed_on_two_lines_is_joined_but_a_masthead_is_not_prefixed_twice()
    {
        var split = OutlineReader.Read(new ReportDocument([new Paragraph("聊城市人民政府办公室"), new Paragraph("2023 年政府信息公开工作年度报告")]));
        var masthead = OutlineReader.Read(new ReportDocument([new Paragraph("海东市商务局"), new Paragraph("海东市商务局 2023 年政府信息公开工作年度报告")]));

        Assert.Equal("聊城市人民政府办公室 2023 年政府信息公开工作年度报告", split.Title);
        Assert.Equal("海东市商务局 2023 年政府信息公开工作年度报告", masthead.Title);
    }

    [Theory]
    [InlineData("本报告中所列数据的统计期限自 2022 年 1 月 1 日起至 12 月 31 日止。", "2022-01-01", "2022-12-31")]
    [InlineData("统计时限自2023年1月1日起至2023年12月31日止", "2023-01-01", "2023-12-31")]
    [InlineData("数据统计期限从 2023 年 1 月 1 日至 12 月 31 日止", "2023-01-01", "2023-12-31")]
    public void The_statistical_period_is_read_as_printed(string text, string from, string to)
    {
        var period = PeriodReader.Read(text)!;

        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (period.From, period.To));
    }

    [Fact]
    public void An_impossible_date_is_no_period()
    {
        Assert.Null(PeriodReader.Read("统计期限自2023年2月30日起至2023年12月31日止"));
    }

    [Theory]
    [InlineData("聊城市商务局 2023 年政府信息公开工作年度报告", "聊城市商务局")]
    [InlineData("2023年度聊城市商务局政府信息公开工作年度报告", "聊城市商务局")]
    [InlineData("2023年政府信息公开工作年度报告", null)]
    public void The_agency_comes_from_the_title_when_it_names_one(string title, string? agency)
    {
        Assert.Equal(agency, AgencyReader.FromTitle(title));
    }

    [Fact]
    public void Without_it_the_introductions_short_name_is_completed_by_the_prefecture_the_text_prints()
    {
        const string intro = "现公布环翠区商务局2022年度政府信息公开工作年度报告。";
        const string text = intro + "威海市环翠区人民政府门户网站。2023年威海市环翠区商务局未收取费用。威海市环翠区人大代表建议3件。";

        Assert.Equal("威海市环翠区商务局", AgencyReader.FromText(intro, text));
        Assert.Equal("环翠区商务局", AgencyReader.FromText(intro, intro));
    }
}
