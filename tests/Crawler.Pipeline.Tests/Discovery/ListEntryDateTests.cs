using Crawler.Pipeline.Discovery.ListPages;
using Crawler.Pipeline.Discovery.Pages;

namespace Crawler.Pipeline.Tests.Discovery;

/// <summary>The date a list page prints beside each entry is carried on its link (a publication date source).</summary>
public sealed class ListEntryDateTests
{
    private static readonly Uri List = new("http://www.example.gov.cn/zwgk/gknb/index.html");

    private static Dictionary<string, DateOnly?> Dates(string body) =>
        HtmlPage.Parse(List, $"<html><body>{body}</body></html>").Anchors().ToDictionary(l => l.Url.AbsolutePath, l => l.ListedOn);

    [Fact]
    public void Spans_cells_and_card_lines_beside_each_entry_date_that_entry_only()
    {
        var dates = Dates("""
            <ul>
              <li><a href="a.html">甲局2023年政府信息公开工作年度报告</a><span>2024-01-25</span></li>
              <li><a href="b.html">乙局2023年政府信息公开工作年度报告</a><span class="date">[2024/02/06]</span></li>
              <li><a href="c.html">丙局2023年政府信息公开工作年度报告</a></li>
            </ul>
            <table><tr><td><a href="d.html">丁局2023年年报</a></td><td>2024年1月30日</td></tr></table>
            <div class="item"><h3><a href="e.html">戊局2023年年报</a></h3><p>发布时间：2024.01.29</p></div>
            """);

        Assert.Equal(new DateOnly(2024, 1, 25), dates["/zwgk/gknb/a.html"]);
        Assert.Equal(new DateOnly(2024, 2, 6), dates["/zwgk/gknb/b.html"]);
        Assert.Null(dates["/zwgk/gknb/c.html"]);
        Assert.Equal(new DateOnly(2024, 1, 30), dates["/zwgk/gknb/d.html"]);
        Assert.Equal(new DateOnly(2024, 1, 29), dates["/zwgk/gknb/e.html"]);
    }

    [Fact]
    public void A_date_in_the_title_itself_or_a_container_of_several_entries_gives_none()
    {
        var dates = Dates("""
            <p><a href="a.html">关于2024年1月25日会议的通知</a></p>
            <div><a href="b.html">甲</a> <a href="c.html">乙</a> 2024-01-25</div>
            """);

        Assert.All(dates.Values, Assert.Null);
    }

    [Fact]
    public void Hanweb_records_and_gkmlpt_items_carry_their_dates()
    {
        var findings = new ListPageFindings();
        HanwebColumnReader.ReadRecords(new Uri("http://www.example.gov.cn/col/col1/index.html"),
            "<record><![CDATA[<li><a href=\"/art/2024/1/20/art_1_1.html\">某局2023年年报</a><span>2024-01-20</span></li>]]></record>", findings);
        GkmlptReader.ReadApi(new Uri("https://www.gz.gov.cn/gkmlpt/api/all/2384?page=1&sid=gz0001"),
            """{ "articles": [ { "url": "https://www.gz.gov.cn/gkmlpt/content/9/9_1.html", "title": "某局2023年年报", "first_publish_time": 1707177600 } ] }""", findings);

        Assert.Equal(new DateOnly(2024, 1, 20), findings.Items[0].ListedOn);
        Assert.Equal(new DateOnly(2024, 2, 6), findings.Items[1].ListedOn);     // 2024-02-06T00:00Z, 08:00 in Beijing
    }
}
