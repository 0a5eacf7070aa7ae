using System.Text;

namespace Crawler.Worker.SampleSite;

/// <summary>
/// The sample government site built from samples/seeds, in several CMS styles: a TRS-like city column shared by two
/// agencies (with createPageHTML paging), a Hanweb-like column (records in &lt;script type="text/xml"&gt;), a GBK
/// plain list with 下一页, and a page that carries its report only as a DOCX attachment; plus look-alikes.
/// </summary>
internal static class SampleSitePages
{
    public const string LiaochengColumn = "/liaocheng/zfxxgknb/index.html";
    public const string LushanColumn = "/lushan/col/col1229/index.html";
    public const string HuancuiList = "/huancui/ndbg/1.html";
    public const string HaidongColumn = "/haidong/gknb/index.html";

    public static Dictionary<string, SamplePage> Build(string seedsDirectory)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GBK");
        string Seed(int index) => File.ReadAllText(Directory.GetFiles(seedsDirectory, $"{index:000}_*.txt").Single());
        var pages = new Dictionary<string, SamplePage>(StringComparer.Ordinal)
        {
            ["/robots.txt"] = Text("User-agent: *\nDisallow: /admin/\n", "text/plain; charset=utf-8"),
            ["/"] = Html(List("示例政府网站（离线演示）", [
                (LiaochengColumn, "聊城市政府信息公开年报", null), (LushanColumn, "鲁山县政府信息公开年报", null),
                (HuancuiList, "环翠区政府信息公开年报", null), (HaidongColumn, "海东市政府信息公开年报", null)])),

            // TRS style: one city column listing two agencies' reports, paginated by createPageHTML.
            [LiaochengColumn] = Html(List("政府信息公开年报", [
                ("202401/t20240125_1001.html", "聊城市商务局2023年政府信息公开工作年度报告", "2024-01-25"),
                ("202401/t20240120_1003.html", "聊城市商务局2024年政务公开工作要点", "2024-01-20")],
                "<script>var countPage = 2; createPageHTML(countPage, 0, \"index\", \"html\");</script>")),
            ["/liaocheng/zfxxgknb/index_1.html"] = Html(List("政府信息公开年报", [
                ("202401/t20240129_1002.html", "聊城市人民政府办公室2023年政府信息公开工作年度报告", "2024-01-29"),
                ("202401/t20240126_1004.html", "《聊城市人民政府办公室2023年政府信息公开工作年度报告》解读", "2024-01-26")],
                "<script>var countPage = 2; createPageHTML(countPage, 1, \"index\", \"html\");</script>")),
            ["/liaocheng/zfxxgknb/202401/t20240125_1001.html"] = Html(SeedReportPage.Render("聊城市商务局2023年政府信息公开工作年度报告", Seed(0), new DateOnly(2024, 1, 25))),
            ["/liaocheng/zfxxgknb/202401/t20240129_1002.html"] = Html(SeedReportPage.Render("聊城市人民政府办公室2023年政府信息公开工作年度报告", Seed(3), new DateOnly(2024, 1, 29))),
            ["/liaocheng/zfxxgknb/202401/t20240120_1003.html"] = Html(Article("聊城市商务局2024年政务公开工作要点", "一、加强主动公开……")),
            ["/liaocheng/zfxxgknb/202401/t20240126_1004.html"] = Html(Article("《聊城市人民政府办公室2023年政府信息公开工作年度报告》解读", "一图读懂……")),

            // Hanweb style: records inside <script type="text/xml">.
            [LushanColumn] = Html("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府信息公开年报</title></head><body><div id=\"3971\"><script type=\"text/xml\"><datastore><recordset>"
                + Record("/lushan/art/2024/1/20/art_1229_501.html", "鲁山县商务局2023年政府信息公开工作年度报告", "2024-01-20")
                + Record("/lushan/art/2024/1/22/art_1229_502.html", "鲁山县商务局2023年法治政府建设年度报告", "2024-01-22")
                + "</recordset></datastore></script></div></body></html>"),
            ["/lushan/art/2024/1/20/art_1229_501.html"] = Html(SeedReportPage.Render("鲁山县商务局2023年政府信息公开工作年度报告", Seed(1), new DateOnly(2024, 1, 20))),
            ["/lushan/art/2024/1/22/art_1229_502.html"] = Html(Article("鲁山县商务局2023年法治政府建设年度报告", "一、深入学习贯彻习近平法治思想……")),

            // A GBK plain list with 下一页 paging.
            [HuancuiList] = Gbk(List("政府信息公开年度报告", [("content_501.html", "环翠区商务局2023年部门决算公开", "2024-01-26")], "<div><a href=\"2.html\">下一页</a></div>", "gbk"), gbk),
            ["/huancui/ndbg/2.html"] = Gbk(List("政府信息公开年度报告", [("content_502.html", "环翠区商务局2023年政府信息公开工作年度报告", "2024-01-28")], "<div><a href=\"1.html\">上一页</a></div>", "gbk"), gbk),
            ["/huancui/ndbg/content_502.html"] = Gbk(SeedReportPage.Render("环翠区商务局2023年政府信息公开工作年度报告", Seed(2), new DateOnly(2024, 1, 28), charset: "gbk"), gbk),
            ["/huancui/ndbg/content_501.html"] = Gbk(Article("环翠区商务局2023年部门决算公开", "收支决算总表……", "gbk"), gbk),

            // A report page that only links its report as a DOCX attachment.
            [HaidongColumn] = Html(List("政府信息公开年报", [("202401/t20240131_5.html", "海东市商务局2023年政府信息公开工作年度报告", "2024-01-31")])),
            ["/haidong/gknb/202401/t20240131_5.html"] = Html(Article("海东市商务局2023年政府信息公开工作年度报告",
                "现将海东市商务局2023年政府信息公开工作年度报告公布如下，详见附件。",
                extra: "<p>附件：<a href=\"/haidong/files/P020240131_hdswj2023.docx\">海东市商务局2023年政府信息公开工作年度报告.docx</a></p>")),
            ["/haidong/files/P020240131_hdswj2023.docx"] = new(MinimalDocx.Create(SeedReportPage.Lines(Seed(4))), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        };
        return pages;
    }

    private static SamplePage Html(string html) => new(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");

    private static SamplePage Gbk(string html, Encoding gbk) => new(gbk.GetBytes(html), "text/html; charset=gbk");

    private static SamplePage Text(string text, string contentType) => new(Encoding.UTF8.GetBytes(text), contentType);

    private static string Record(string href, string title, string date) =>
        $"<record><![CDATA[<li><a href=\"{href}\" title=\"{title}\" target=\"_blank\">{title}</a><span>{date}</span></li>]]></record>";

    private static string Article(string title, string text, string charset = "utf-8", string extra = "") =>
        $"<!DOCTYPE html><html><head><meta charset=\"{charset}\"><meta name=\"ArticleTitle\" content=\"{title}\"><title>{title}</title></head><body><h1>{title}</h1><p>{text}</p>{extra}</body></html>";

    /// <summary>A list page whose entries print their publication dates beside them, as real columns do.</summary>
    private static string List(string title, IEnumerable<(string Href, string Text, string? Date)> items, string extra = "", string charset = "utf-8") =>
        $"<!DOCTYPE html><html><head><meta charset=\"{charset}\"><title>{title}</title></head><body><h1>{title}</h1><ul>"
        + string.Concat(items.Select(i => $"<li><a href=\"{i.Href}\" title=\"{i.Text}\">{i.Text}</a>{(i.Date is null ? "" : $"<span>{i.Date}</span>")}</li>"))
        + $"</ul>{extra}</body></html>";
}
