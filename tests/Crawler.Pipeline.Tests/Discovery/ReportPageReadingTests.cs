using System.Text;
using Crawler.Pipeline.Discovery.Pages;

namespace Crawler.Pipeline.Tests.Discovery;

/// <summary>
/// Discovery reads a report page for its names and its document links only (<see cref="HtmlPage.ParseReportPage"/>):
/// the portal's other links become text, and what discovery learns from the page is what it learns from the whole DOM.
/// </summary>
public sealed class ReportPageReadingTests
{
    private static readonly Uri Page = new("http://www.gov.example.cn/zfxxgk/nb/202401/t20240120_1.html");

    private static readonly string Html = """
        <html><head><title>聊城市商务局2023年政府信息公开工作年度报告_聊城市人民政府</title><base href="http://www.gov.example.cn/zfxxgk/"></head>
        <body><div class="nav"><a href="/">首页</a> &gt; <a href="/zfxxgk/">政府信息公开</a> &gt; <a class="title-link" href="/zfxxgk/nb/">年度报告</a></div>
        <h1>聊城市商务局2023年政府信息公开工作年度报告</h1>
        <div class="trs_editor_view"><p>本报告全文见附件。<a href="nb/P020240120_1.pdf" title="年报全文">年度报告.pdf</a>
          <a href="/module/download/downfile.jsp?id=7&amp;filename=%E5%B9%B4%E6%8A%A5.wps">WPS 版</a>
          <a href="/pdfjs/web/viewer.html?file=%2Fattach%2Fnb.pdf">在线阅读</a>
          <a href="javascript:void(0)" onclick="window.open('/attach/old.doc')">旧版</a></p>
          <iframe src="/attach/embedded.pdf"></iframe></div>
        <div class="related"><h3>相关文章</h3><ul>
        """ + string.Concat(Enumerable.Range(1, 300).Select(i => $"<li><a href=\"/news/2023/{i}.html\" title=\"通知{i}\">关于印发工作要点的通知（{i}）</a><span>2023-01-{1 + i % 28:00}</span></li>\n"))
        + """
        </ul></div><div class="footer"><a href="/sitemap.html">网站地图</a> 主办单位：聊城市商务局</div></body></html>
        """;

    [Fact]
    public void Names_title_and_document_links_are_those_of_the_whole_page()
    {
        var bytes = Encoding.UTF8.GetBytes(Html);
        var whole = HtmlPage.Parse(Page, bytes, "text/html");
        var report = HtmlPage.ParseReportPage(Page, bytes, "text/html");

        Assert.Equal(whole.Names(), report.Names());
        Assert.Equal("聊城市商务局2023年政府信息公开工作年度报告_聊城市人民政府", report.Title);
        Assert.Equal(whole.BaseUrl, report.BaseUrl);
        var links = AttachmentFinder.Find(report).Select(l => $"{Uri.UnescapeDataString(l.Url.AbsoluteUri)} {l.Text} {l.Title}").ToArray();
        Assert.Equal(AttachmentFinder.Find(whole).Select(l => $"{Uri.UnescapeDataString(l.Url.AbsoluteUri)} {l.Text} {l.Title}"), links);
        Assert.Equal(
            [
                "http://www.gov.example.cn/zfxxgk/nb/P020240120_1.pdf 年度报告.pdf 年报全文",
                "http://www.gov.example.cn/module/download/downfile.jsp?id=7&filename=年报.wps WPS 版 ",
                "http://www.gov.example.cn/attach/nb.pdf 在线阅读 ",
                "http://www.gov.example.cn/attach/embedded.pdf  ",
                "http://www.gov.example.cn/attach/old.doc  ",
            ],
            links);
    }

    [Fact]
    public void Only_the_links_discovery_can_follow_or_name_a_page_by_stay_links()
    {
        var report = HtmlPage.ParseReportPage(Page, Encoding.UTF8.GetBytes(Html), "text/html");

        // The class="title…" link, the four document links (file, download script, viewer, script); not the 300
        // related articles, the breadcrumb's 首页 or the footer's 网站地图, whose text stays.
        Assert.Equal(["年度报告", "年度报告.pdf", "WPS 版", "在线阅读", "旧版"], report.Document.DocumentNode.Descendants("a").Select(a => a.InnerText));
        Assert.Contains("关于印发工作要点的通知（300）2023-01-21", report.Document.DocumentNode.InnerText);
        Assert.Contains("网站地图 主办单位", report.Document.DocumentNode.InnerText);
    }
}
