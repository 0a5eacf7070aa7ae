using Crawler.Reports.Publication;

namespace Crawler.Reports.Tests.Publication;

public class UrlDatesTests
{
    [Theory]
    [InlineData("http://www.liaocheng.gov.cn/zfxxgknb/202401/t20240125_1001.html", "2024-01-25")]
    [InlineData("http://www.lushan.gov.cn/art/2024/1/29/art_1229_501.html", "2024-01-29")]
    [InlineData("http://www.example.gov.cn/xxgk/2024/0130/c123.html", "2024-01-30")]
    [InlineData("http://www.example.gov.cn/xxgk/2024/01/30/c123.html", "2024-01-30")]
    [InlineData("http://www.example.gov.cn/xxgk/2024-01-30/c123.html", "2024-01-30")]
    [InlineData("http://www.example.gov.cn/xxgk/20240130/c123.html", "2024-01-30")]
    [InlineData("http://www.example.gov.cn/files/P020240131585934612345.pdf", "2024-01-31")]
    public void A_day_in_the_path_is_read(string url, string expected)
    {
        var date = Assert.Single(UrlDates.Find(new Uri(url)));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date.Date);
        Assert.Equal(DatePrecision.Day, date.Precision);
        Assert.Equal(DateSource.Url, date.Source);
    }

    [Fact]
    public void A_month_folder_alone_is_a_month_and_is_dropped_when_a_day_of_it_is_there()
    {
        var month = Assert.Single(UrlDates.Find(new Uri("http://www.example.gov.cn/zwgk/202401/abc123.html")));
        Assert.Equal(DatePrecision.Month, month.Precision);
        Assert.Equal("2024-01", month.Text);
        Assert.Equal(new DateOnly(2024, 1, 31), month.LatestDate);

        var day = Assert.Single(UrlDates.Find(new Uri("http://www.example.gov.cn/zwgk/202401/t20240125_1.html")));
        Assert.Equal(DatePrecision.Day, day.Precision);
    }

    [Theory]
    [InlineData("http://www.example.gov.cn/col/col1229/index.html")]
    [InlineData("http://www.example.gov.cn/huancui/ndbg/content_502.html")]
    [InlineData("http://www.example.gov.cn/art/2024/13/45/art_1.html")]
    [InlineData("http://www.example.gov.cn/list.html?date=20240125")]
    [InlineData("http://www.example.gov.cn/n2023/gknb.html")]
    public void Paths_without_a_real_date_give_none(string url) => Assert.Empty(UrlDates.Find(new Uri(url)));
}
