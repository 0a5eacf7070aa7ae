using System.Text;
using Crawler.Pipeline.Discovery.ListPages;
using Crawler.Pipeline.Discovery.Pages;

namespace Crawler.Pipeline.Tests.Discovery;

public sealed class ListPageReaderTests
{
    private static readonly Uri Column = new("http://www.example.gov.cn/zwgk/zfxxgknb/index.shtml");

    [Theory]
    [InlineData("<script>createPageHTML(4, 0, \"index\", \"shtml\");</script>")]
    [InlineData("<script>createPageHTML('page_div',4, 1,'index','shtml',58);</script>")]
    [InlineData("<script>var countPage = 4//共多少页\nvar currentPage = 0;</script>")]
    [InlineData("<script>function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){}\nvar countPage = 4;\ncreatePageHTML(countPage, 0, \"index\", \"shtml\");</script>")]
    public void Trs_page_script_yields_the_numbered_index_pages(string script)
    {
        var findings = new ListPageFindings();
        new TrsPaginationReader().Read(HtmlPage.Parse(Column, $"<html><body>{script}</body></html>"), findings);

        Assert.Equal(
            ["/zwgk/zfxxgknb/index_1.shtml", "/zwgk/zfxxgknb/index_2.shtml", "/zwgk/zfxxgknb/index_3.shtml"],
            findings.MorePages.Select(p => p.Url.AbsolutePath));
    }

    [Fact]
    public void Hanweb_records_and_dataproxy_windows_are_read_from_the_page()
    {
        const string html = """
            <div id="1"><script type="text/xml"><datastore><recordset>
            <record><![CDATA[<li><a href="/art/2024/1/30/art_1229_1.html" title="某局2023年政府信息公开工作年度报告">某局2023年政府信…</a></li>]]></record>
            <record><![CDATA[<li><a href="/art/2024/1/2/art_1229_2.html">其他</a></li>]]></record>
            </recordset></datastore></script>
            <script>$('#1').jpage({perPage:2,totalRecord:5,ajaxParam:{webid:3,columnid:1229,unitid:77}});</script></div>
            """;
        var findings = new ListPageFindings();
        new HanwebColumnReader().Read(HtmlPage.Parse(new Uri("http://www.nbjb.gov.cn/col/col1229/index.html"), html), findings);

        Assert.Equal("某局2023年政府信… 某局2023年政府信息公开工作年度报告", findings.Items[0].Label);
        Assert.Equal("http://www.nbjb.gov.cn/art/2024/1/30/art_1229_1.html", findings.Items[0].Url.AbsoluteUri);
        Assert.Equal(
            ["/module/web/jpage/dataproxy.jsp?startrecord=3&endrecord=4&perpage=2", "/module/web/jpage/dataproxy.jsp?startrecord=5&endrecord=5&perpage=2"],
            findings.MorePages.Select(p => p.Url.PathAndQuery));
        Assert.All(findings.MorePages, p => Assert.Contains(new KeyValuePair<string, string>("columnid", "1229"), p.Form!));
        Assert.All(findings.MorePages, p => Assert.Equal(ListFormat.HanwebRecords, p.Format));
    }

    [Fact]
    public void Gkmlpt_config_leads_to_the_report_category_api()
    {
        const string html = "<script>window._CONFIG = { SID: 'gz0001', TREE: [{id: 2384, name: '政府信息公开年报'}, {id: 12, name: '规划计划'}] };</script>";
        var findings = new ListPageFindings();
        new GkmlptReader().Read(HtmlPage.Parse(new Uri("https://www.gz.gov.cn/gkmlpt/index"), html), findings);

        Assert.Equal("https://www.gz.gov.cn/gkmlpt/api/all/2384?page=1&sid=gz0001", Assert.Single(findings.MorePages).Url.AbsoluteUri);
    }

    [Fact]
    public void Next_page_and_numbered_links_are_pagination_of_plain_lists()
    {
        const string html = "<a href='/zfxxgk/zfxxgknb/2.html'>2</a><a href='/zfxxgk/zfxxgknb/2.html'>下一页</a><a href='/zfxxgk/zfxxgknb/202401/t1.html'>年报</a><a href='/InfoPublic.aspx?cid=1019&page=2'>下一页</a>";
        var findings = new ListPageFindings();
        new AnchorListReader().Read(HtmlPage.Parse(new Uri("https://jyj.yanan.gov.cn/zfxxgk/zfxxgknb/1.html"), html), findings);

        Assert.Equal(["/zfxxgk/zfxxgknb/2.html", "/zfxxgk/zfxxgknb/2.html", "/InfoPublic.aspx?cid=1019&page=2"], findings.MorePages.Select(p => p.Url.PathAndQuery));
        Assert.Equal("/zfxxgk/zfxxgknb/202401/t1.html", Assert.Single(findings.Items).Url.AbsolutePath);
    }

    [Fact]
    public void Gbk_page_labelled_utf8_is_decoded_as_gbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GBK").GetBytes("<html><head><meta charset=\"utf-8\"><title>聊城市人民政府办公室2023年政府信息公开工作年度报告</title></head></html>");

        Assert.Equal("聊城市人民政府办公室2023年政府信息公开工作年度报告", HtmlPage.Parse(Column, bytes, "text/html; charset=utf-8").Title);
    }

    [Fact]
    public void Attachments_are_found_in_links_frames_viewers_and_window_open()
    {
        const string html = """
            <a href="P0201.pdf">附件1</a><a href="../other.html">其他</a>
            <iframe src="/pdfjs/web/viewer.html?file=%2Fupload%2Freport.docx"></iframe>
            <embed src="/upload/report.doc"><button onclick="window.open('/module/download/downfile.jsp?filename=abc.wps')">下载</button>
            """;
        var found = AttachmentFinder.Find(HtmlPage.Parse(new Uri("http://gov.test/zfxxgknb/202401/t1.html"), html));

        Assert.Equal(
            ["/zfxxgknb/202401/P0201.pdf", "/upload/report.docx", "/upload/report.doc", "/module/download/downfile.jsp?filename=abc.wps"],
            found.Select(f => f.Url.PathAndQuery));
    }
}
