using System.Text;
using Crawler.Extraction.Html;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Extraction.Tests.Html;

/// <summary>Documents the body links to, in every way CMS pages link them, as absolute URLs.</summary>
public sealed class AttachmentLinkTests
{
    private const string Page = "http://www.gov.example.cn/zfxxgk/nb/202401/t20240120_1.html";

    [Fact]
    public async Task EveryKindOfDocumentLinkInTheBodyIsFoundAndMadeAbsolute()
    {
        var html = """
            <html><body>
            <div class="nav"><a href="/files/guide.pdf">办事指南.pdf</a></div>
            <div class="trs_editor_view">
              <p>本报告全文见附件。政府信息公开工作年度报告正文内容较长，请下载查看。</p>
              <p><a href="./P020240120_1.pdf">年度报告.pdf</a> <a href="../../files/report.DOCX?v=2">年度报告.docx</a></p>
              <p><a href="/pdfjs/web/viewer.html?file=%2Fattach%2F2024%2F%E5%B9%B4%E6%8A%A5.pdf">在线阅读</a></p>
              <p><a href="javascript:void(0)" onclick="window.open('/attach/old.wps')">WPS 版</a></p>
              <p><a href="javascript:window.open('http://files.gov.example.cn/nb.xls','_blank')">统计表</a></p>
              <iframe src="/attach/embedded.pdf" title="报告"></iframe>
              <embed type="application/pdf" src="/getfile?id=42">
              <object data="/attach/obj.et"></object>
              <p><a href="./P020240120_1.pdf">重复链接</a> <a href="/news/1.html">相关新闻</a> <a href="#top">返回顶部</a></p>
            </div></body></html>
            """;

        var result = await Extract(html, Page);

        Assert.Equal(
            [
                "http://www.gov.example.cn/zfxxgk/nb/202401/P020240120_1.pdf",
                "http://www.gov.example.cn/zfxxgk/files/report.DOCX?v=2",
                "http://www.gov.example.cn/attach/2024/年报.pdf",
                "http://www.gov.example.cn/attach/old.wps",
                "http://files.gov.example.cn/nb.xls",
                "http://www.gov.example.cn/attach/embedded.pdf",
                "http://www.gov.example.cn/getfile?id=42",
                "http://www.gov.example.cn/attach/obj.et",
            ],
            result.Attachments.Select(a => Uri.UnescapeDataString(a.Url.AbsoluteUri)));
        Assert.Equal("年度报告.pdf", result.Attachments[0].Text);
    }

    [Fact]
    public async Task BaseHrefIsHonoured()
    {
        var html = """<html><head><base href="http://cdn.gov.example.cn/site/"></head><body><div id="zoom"><p>附件下载：<a href="files/nb.pdf">2023年年度报告</a>，请下载查看全文内容。</p></div></body></html>""";

        var result = await Extract(html, Page);

        Assert.Equal("http://cdn.gov.example.cn/site/files/nb.pdf", Assert.Single(result.Attachments).Url.AbsoluteUri);
    }

    [Fact]
    public async Task WithoutAUrlForThePageRelativeLinksStayRelative()
    {
        var html = """<div id="zoom"><p>附件下载：<a href="files/nb.pdf">2023年年度报告</a>，请下载查看全文内容。</p></div>""";

        var result = await Extract(html, "/home/archivist/downloads/report.html");

        var link = Assert.Single(result.Attachments).Url;
        Assert.False(link.IsAbsoluteUri);
        Assert.Equal("files/nb.pdf", link.OriginalString);
    }

    [Fact]
    public async Task TablesPastedAsImagesAreHandedOnForOcrButEmbeddedOnesHaveNothingToFetch()
    {
        var html = """
            <div class="trs_editor_view"><p>一、总体情况</p><p>本年度工作情况如下。</p>
            <p>三、收到和处理政府信息公开申请情况</p><p><img src="/attach/table3.png" alt="表三"></p>
            <p>四、政府信息公开行政复议、行政诉讼情况</p><p><img src="table4.jpg"></p>
            <p>五、存在的主要问题</p><p><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="></p></div>
            """;

        var result = await Extract(html, Page);

        Assert.Equal(
            ["http://www.gov.example.cn/attach/table3.png", "http://www.gov.example.cn/zfxxgk/nb/202401/table4.jpg"],
            result.Attachments.Select(a => a.Url.AbsoluteUri));
        Assert.All(result.Attachments, a => Assert.Equal("表格图片（需 OCR）", a.Text));
    }

    [Fact]
    public async Task ImagesBesideARealTableAreNotAttachments()
    {
        var html = """
            <div class="trs_editor_view"><p>三、收到和处理政府信息公开申请情况</p><p><img src="/logo.png"></p>
            <table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td></tr></table></div>
            """;

        Assert.Empty((await Extract(html, Page)).Attachments);
    }

    private static Task<ExtractionResult> Extract(string html, string name) =>
        new HtmlExtractor(NullLogger<HtmlExtractor>.Instance)
            .ExtractAsync(new SourceDocument(Encoding.UTF8.GetBytes(html), name), DocumentFormat.Html, CancellationToken.None);
}
