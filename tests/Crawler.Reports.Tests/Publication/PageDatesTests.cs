using Crawler.Reports.Publication;

namespace Crawler.Reports.Tests.Publication;

public class PageDatesTests
{
    [Fact]
    public void Meta_tags_are_tried_in_the_documented_order_and_names_match_case_insensitively()
    {
        var date = PageDates.FromMeta([new("ArticleDate", "2024-01-26"), new("pubdate", "2024-01-25 09:00"), new("lastmodifiedtime", "2024-03-01")]);

        Assert.Equal(new DateOnly(2024, 1, 25), date!.Date);
        Assert.Equal(DateSource.PageMetadata, date.Source);
        Assert.Contains("pubdate", date.Evidence);
    }

    [Fact]
    public void A_modification_meta_alone_is_no_publication_date() =>
        Assert.Null(PageDates.FromMeta([new("lastmodifiedtime", "2024-03-01"), new("keywords", "2024-01-01")]));

    [Theory]
    [InlineData("首页 > 年报 发布时间：2024-01-25 10:30 来源：市商务局 浏览次数：12", "2024-01-25")]
    [InlineData("发布日期: 2024年01月29日 字号：大 中 小", "2024-01-29")]
    [InlineData("成文日期：2024-01-20 发布日期：2024-01-22", "2024-01-22")]
    [InlineData("更新时间：2024-03-01 发布时间：2024-01-22", "2024-01-22")]
    [InlineData("成文日期：2024-01-20", "2024-01-20")]
    public void The_best_labelled_date_line_wins(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PageDates.FromText(text)!.Date);

    [Theory]
    [InlineData("统计时间：2023年1月1日至2023年12月31日")]
    [InlineData("时间：2023年1月1日至2023年12月31日")]
    [InlineData("更新时间：2024-03-01")]
    [InlineData("本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止")]
    public void Periods_and_update_times_are_not_publication_dates(string text) => Assert.Null(PageDates.FromText(text));

    [Fact]
    public void Only_the_first_line_of_a_label_counts_later_ones_belong_to_related_articles()
    {
        var date = PageDates.FromText("发布时间：2024-01-25 正文…… 相关文章 发布时间：2023-01-20 发布时间：2022-01-18");
        Assert.Equal(new DateOnly(2024, 1, 25), date!.Date);
    }
}
