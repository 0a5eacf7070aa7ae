using System.Text;
using Crawler.Extraction;
using Crawler.Extraction.Html;
using Crawler.Pipeline.Discovery.ListPages;
using Crawler.Pipeline.Discovery.Pages;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Pipeline.Tests.Discovery;

/// <summary>
/// Discovery and extraction read a report page with the same rules: the same charset decision and the same idea of
/// which links lead to a document, so a page never means one thing to the crawler and another to the parser.
/// </summary>
public sealed class OneHtmlReaderTests
{
    private static readonly Uri Page = new("http://www.gov.example.cn/zfxxgk/nb/202401/t20240120_1.html");

    [Fact]
    public async Task Discovery_and_extraction_find_the_same_document_links_on_a_report_page()
    {
        const string html = """
            <html><body><div class="trs_editor_view">
            <p>本机关2023年政府信息公开工作年度报告全文见附件，请下载查看。本报告由本机关编制。</p>
            <p><a href="./P020240120_1.pdf">年度报告.pdf</a> <a href="/files/nb.DOCX?v=2">Word 版</a></p>
            <p><a href="/module/download/downfile.jsp?filename=%E5%B9%B4%E6%8A%A5.wps">WPS 版</a></p>
            <p><a href="/files/tables.xlsx">统计表</a> <a href="/files/nb.ofd">OFD 版</a> <a href="/files/nb.rtf">RTF 版</a></p>
            <p><a href="/news/1.html">相关新闻</a> <a href="/files/photo.jpg">图片</a> <a href="#top">返回顶部</a></p>
            </div></body></html>
            """;
        var bytes = Encoding.UTF8.GetBytes(html);

        var discovered = AttachmentFinder.Find(HtmlPage.Parse(Page, bytes, "text/html"))
            .Select(l => l.Url.AbsoluteUri).Order(StringComparer.Ordinal).ToArray();
        var extracted = (await new HtmlExtractor(NullLogger<HtmlExtractor>.Instance)
                .ExtractAsync(new SourceDocument(bytes, Page.AbsoluteUri, "text/html"), Crawler.Extraction.DocumentFormat.Html, CancellationToken.None))
            .Attachments.Select(a => a.Url.AbsoluteUri).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(
            [
                "http://www.gov.example.cn/files/nb.DOCX?v=2",
                "http://www.gov.example.cn/files/nb.ofd",
                "http://www.gov.example.cn/files/nb.rtf",
                "http://www.gov.example.cn/files/tables.xlsx",
                "http://www.gov.example.cn/module/download/downfile.jsp?filename=%E5%B9%B4%E6%8A%A5.wps",
                "http://www.gov.example.cn/zfxxgk/nb/202401/P020240120_1.pdf",
            ],
            discovered);
        Assert.Equal(discovered, extracted);
    }

    [Theory]
    [InlineData("text/html; charset=big5")]   // a declaration the bytes contradict: valid UTF-8 is UTF-8
    [InlineData("text/html; charset=gb2312")]
    [InlineData(null)]
    public void A_page_decodes_the_same_in_discovery_and_extraction(string? contentType)
    {
        var bytes = Encoding.UTF8.GetBytes("<html><head><title>聊城市2023年政府信息公开工作年度报告</title></head><body>正文</body></html>");

        var page = HtmlPage.Parse(Page, bytes, contentType);

        Assert.Equal("聊城市2023年政府信息公开工作年度报告", page.Title);
        Assert.Equal(HtmlDecoding.Decode(bytes, contentType).Text, page.Html);
    }

    [Fact]
    public void A_hanweb_record_list_in_gbk_declaring_utf8_is_read_as_gbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var body = Encoding.GetEncoding("GB18030").GetBytes(
            "<datastore><recordset><record><![CDATA[<li><a href=\"/art/2024/1/29/art_1_1.html\">2023年政府信息公开工作年度报告</a><span>2024-01-29</span></li>]]></record></recordset></datastore>");

        var findings = ListPageReading.Default.Read(
            new ListPageRequest(new Uri("http://www.gov.example.cn/module/jpage/dataproxy.jsp"), ListFormat.HanwebRecords),
            new Uri("http://www.gov.example.cn/module/jpage/dataproxy.jsp"), body, "text/xml; charset=utf-8", out _);

        Assert.Contains(findings.Items, l => l.Text.Contains("2023年政府信息公开工作年度报告"));
    }
}
