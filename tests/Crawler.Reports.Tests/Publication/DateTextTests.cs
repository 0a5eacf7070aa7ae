using Crawler.Reports.Publication;

namespace Crawler.Reports.Tests.Publication;

public class DateTextTests
{
    [Theory]
    [InlineData("2024-01-25", 2024, 1, 25)]
    [InlineData("2024/1/5", 2024, 1, 5)]
    [InlineData("2024.01.25", 2024, 1, 25)]
    [InlineData("2024年1月25日", 2024, 1, 25)]
    [InlineData("2024 年 1 月 25 日", 2024, 1, 25)]
    [InlineData("二〇二四年一月二十五日", 2024, 1, 25)]
    [InlineData("二○二四年元月十日", 2024, 1, 10)]
    [InlineData("二〇二三年十二月三十一日", 2023, 12, 31)]
    [InlineData("二〇二四年二月廿六日", 2024, 2, 26)]
    public void Printed_dates_read_as_their_calendar_day(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DateText.First(text));

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-13-01")]
    [InlineData("1999-01-01")]
    [InlineData("共 2024 件，12 月")]
    [InlineData("120240125")]
    public void Impossible_or_partial_dates_are_not_dates(string text) => Assert.Null(DateText.First(text));

    [Theory]
    [InlineData("2024-01-25 10:30:00", 2024, 1, 25)]
    [InlineData("2024-01-31T17:00:00Z", 2024, 2, 1)]            // 01:00 on 1 February in Beijing
    [InlineData("2024-01-31T23:30:00+08:00", 2024, 1, 31)]
    [InlineData("1706198400", 2024, 1, 26)]                       // 2024-01-25T16:00Z = 00:00 Beijing on the 26th
    [InlineData("1706198400000", 2024, 1, 26)]
    public void Whole_values_take_their_time_zone_into_account(string value, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DateText.ParseValue(value));

    [Fact]
    public void An_http_date_late_in_the_gmt_evening_is_the_next_day_in_beijing()
    {
        Assert.Equal(new DateOnly(2024, 2, 1), DateText.ParseHttpDate("Wed, 31 Jan 2024 16:00:00 GMT"));
        Assert.Equal(new DateOnly(2024, 1, 31), DateText.ParseHttpDate("Wed, 31 Jan 2024 15:59:59 GMT"));
        Assert.Null(DateText.ParseHttpDate("yesterday"));
    }
}
