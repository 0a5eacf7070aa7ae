using System.Text;
using Microsoft.AspNetCore.Http;

namespace Crawler.Pipeline.Tests.SimulatedWeb;

/// <summary>The agencies of the simulated web, one CMS family each, with reports, look-alikes and traps.</summary>
public static class SimulatedAgencies
{
    public const string TrsColumn = "/trs/zfxxgknb/index.html";
    public const string HanwebColumn = "/col/col1229/index.html";
    public const string HanwebAnnualTemplate = "/module/xxgk/xxgkAnnualReport.jsp?area=11410423&fbtime={year}";
    public const string GkmlptIndex = "/gkmlpt/index";
    public const string GbkList = "/gbk/ndbg/1.html";
    public const string HaidongPortal = "/haidong/zfxxgk/index.html";
    public const string BlockedColumn = "/blocked/zfxxgknb/index.html";

    public static void Map(SimulatedGovWeb web)
    {
        web.Map("/robots.txt", c => Served.List(c, "User-agent: *\nDisallow: /private/\n\nUser-agent: BadBot\nDisallow: /\n", contentType: "text/plain"));
        MapTrs(web);
        MapHanweb(web);
        MapGkmlpt(web);
        MapGbk(web);
        MapHaidong(web);
        web.Map("/blocked/zfxxgknb/index.html", c =>
        {
            c.Response.StatusCode = 521;
            c.Response.Headers.Append("Set-Cookie", "__jsluid_s=7f3a9c; path=/; HttpOnly");
            return c.Response.WriteAsync("<html><body><script>document.cookie=('__jsl_clearance_s=1700000000.123|0|abc');location.href=location.pathname</script></body></html>");
        });
    }

    private static void MapTrs(SimulatedGovWeb web)
    {
        const string script = "<script>var countPage = 3; createPageHTML(countPage, 0, \"index\", \"html\");</script>";
        web.Map(TrsColumn, c => Served.List(c, Served.ListPage("年度报告", [
            ("./202401/t20240125_1001.html", "聊城市商务局2023年政府信息公开工作年度报告"),
            ("./202401/t20240120_1002.html", "聊城市商务局2024年政务公开工作要点"),
            ("./202401/t20240126_1003.html", "《聊城市商务局2023年政府信息公开工作年度报告》解读"),
        ], script)));
        web.Map("/trs/zfxxgknb/index_1.html", c => Served.List(c, Served.ListPage("年度报告", [
            ("./202301/t20230120_0901.html", "聊城市商务局2022年度政府信息公开工作年度报告"),
            ("./202301/t20230115_0902.html", "聊城市商务局2022年度部门决算"),
            ("/private/t2021.html", "聊城市商务局2021年政府信息公开工作年度报告"),
        ], script)));
        // TRS keeps deep index pages as tiny stubs.
        web.Map("/trs/zfxxgknb/index_2.html", c => Served.List(c, "<html><body></body></html>"));
        web.Map("/trs/zfxxgknb/202401/t20240125_1001.html", c => Served.Html(c, SeedReportHtml.Render("聊城市商务局2023年政府信息公开工作年度报告", SeedReportHtml.SeedText(0))));
        web.Map("/trs/zfxxgknb/202301/t20230120_0901.html", c => Served.Html(c, SeedReportHtml.Render("聊城市商务局2022年度政府信息公开工作年度报告", "详见附件。",
            "<p>附件：<a href=\"./P020230120_report.txt\">聊城市商务局2022年度政府信息公开工作年度报告.txt</a></p>"
            + "<p><a href=\"./P020230120_notice.pdf\">关于做好2022年度政府信息公开工作年度报告编制发布工作的通知.pdf</a></p>")));
        web.Map("/trs/zfxxgknb/202301/P020230120_report.txt", c => Served.Document(c, Encoding.UTF8.GetBytes(SeedReportHtml.SeedText(0)), "text/plain; charset=utf-8"));
        foreach (var lookAlike in new[] { "/trs/zfxxgknb/202401/t20240120_1002.html", "/trs/zfxxgknb/202401/t20240126_1003.html", "/trs/zfxxgknb/202301/t20230115_0902.html", "/trs/zfxxgknb/202301/P020230120_notice.pdf", "/private/t2021.html" })
            web.Map(lookAlike, c => Served.Html(c, "<html><head><title>不应抓取</title></head><body>look-alike</body></html>"));
    }

    private static void MapHanweb(SimulatedGovWeb web)
    {
        web.Map(HanwebColumn, c => Served.List(c,
            "<html><head><meta charset=\"utf-8\"><title>政府信息公开年报</title></head><body><div id=\"3971\"><script type=\"text/xml\"><datastore><nextgroup><![CDATA[<a href=\"/module/web/jpage/dataproxy.jsp?page=1&webid=3&path=/&columnid=1229&unitid=77&webname=&permissiontype=0\"></a>]]></nextgroup><recordset>"
            + Record("/art/2024/1/20/art_1229_501.html", "鲁山县商务局2023年政府信息公开工作年度报告")
            + Record("/art/2024/1/22/art_1229_502.html", "鲁山县商务局2023年法治政府建设年度报告")
            + "</recordset></datastore></script>"
            + "<script>$(document).ready(function(){$('#3971').jpage({dataStore:dataStore,perPage:2,totalRecord:5,proxyUrl:'/module/web/jpage/dataproxy.jsp',ajaxParam:{col:1,appid:1,webid:3,path:'/',columnid:1229,sourceContentType:1,unitid:77,webname:'鲁山县人民政府',permissiontype:0}});});</script>"
            + "</div></body></html>"));
        web.Map("/module/web/jpage/dataproxy.jsp", c =>
        {
            if (c.Request.Method != "POST" || !c.Request.HasFormContentType || c.Request.Form["columnid"] != "1229" || c.Request.Form["unitid"] != "77")
            {
                c.Response.StatusCode = 400;
                return Task.CompletedTask;
            }
            var records = c.Request.Query["startrecord"] == "3"
                ? Record("/art/2023/1/18/art_1229_401.html", "鲁山县商务局2022年政府信息公开工作年度报告") + Record("/art/2023/1/10/art_1229_402.html", "鲁山县商务局2023年部门预算公开")
                : Record("/art/2022/1/25/art_1229_301.html", "鲁山县商务局2021年政府信息公开工作年度报告");
            return Served.List(c, $"<datastore><totalrecord>5</totalrecord><recordset>{records}</recordset></datastore>", contentType: "text/xml; charset=utf-8");
        });
        var seed = SeedReportHtml.SeedText(1);
        web.Map("/art/2024/1/20/art_1229_501.html", c => Served.Html(c, SeedReportHtml.Render("鲁山县商务局2023年政府信息公开工作年度报告", seed)));
        web.Map("/art/2023/1/18/art_1229_401.html", c => Served.Html(c, SeedReportHtml.Render("鲁山县商务局2022年政府信息公开工作年度报告", seed)));
        web.Map("/art/2022/1/25/art_1229_301.html", c => Served.Html(c, SeedReportHtml.Render("鲁山县商务局2021年政府信息公开工作年度报告", seed)));
        web.Map("/art/2024/1/22/art_1229_502.html", c => Served.Html(c, "<html><title>法治政府</title></html>"));
        web.Map("/art/2023/1/10/art_1229_402.html", c => Served.Html(c, "<html><title>预算</title></html>"));
        web.Map("/module/xxgk/xxgkAnnualReport.jsp", c =>
        {
            var latest = DateTime.UtcNow.Year - 1;
            return c.Request.Query["fbtime"] == latest.ToString(System.Globalization.CultureInfo.InvariantCulture)
                // Like Hanweb's real report pages: a generic <title>, the report named only in the page.
                ? Served.Html(c, SeedReportHtml.Render($"鲁山县商务局{latest}年政府信息公开工作年度报告", seed)
                    .Replace("<meta name=\"ArticleTitle\"", "<meta name=\"x\"", StringComparison.Ordinal)
                    .Replace($"<title>鲁山县商务局{latest}年政府信息公开工作年度报告_政府信息公开</title>", "<title>政府信息公开年报</title>", StringComparison.Ordinal))
                : Served.Html(c, "<html><head><title>政府信息公开年度报告</title></head><body>暂无数据</body></html>");
        });
    }

    private static string Record(string href, string title) =>
        $"<record><![CDATA[<li><a href=\"{href}\" title=\"{title}\" target=\"_blank\">{title}</a><span>2024-01-20</span></li>]]></record>";

    private static void MapGkmlpt(SimulatedGovWeb web)
    {
        web.Map(GkmlptIndex, c => Served.List(c,
            "<html><head><title>政府信息公开</title><script>window._CONFIG = {\n SID: '755',\n TREE: [{\"id\": 9001, \"name\": \"政府信息公开年报\", \"parent\": 0}, {\"id\": 9002, \"name\": \"政策文件\", \"parent\": 0}]\n};</script></head><body><div id=\"app\"></div></body></html>"));
        web.Map("/gkmlpt/api/all/9001", c =>
        {
            if (c.Request.Query["sid"] != "755")
            {
                c.Response.StatusCode = 400;
                return Task.CompletedTask;
            }
            var json = c.Request.Query["page"] == "2"
                ? """{"articles":[{"id":90,"url":"/gkmlpt/content/post_90.html","title":"环翠区商务局2022年政府信息公开工作年度报告"}],"total":3}"""
                : """{"articles":[{"id":100,"url":"/gkmlpt/content/post_100.html","title":"环翠区商务局2023年政府信息公开工作年度报告"},{"id":101,"url":"/gkmlpt/content/post_101.html","title":"图解：环翠区商务局2023年政府信息公开工作年度报告"}],"total":3}""";
            return Served.List(c, json, contentType: "application/json; charset=utf-8");
        });
        web.Map("/gkmlpt/api/all/9002", c => Served.List(c, """{"articles":[],"total":0}""", contentType: "application/json"));
        var seed = SeedReportHtml.SeedText(2);
        web.Map("/gkmlpt/content/post_100.html", c => Served.Html(c, SeedReportHtml.Render("环翠区商务局2023年政府信息公开工作年度报告", seed)));
        web.Map("/gkmlpt/content/post_101.html", c => Served.Html(c, "<html><title>图解</title></html>"));
        web.Map("/gkmlpt/content/post_90.html", c =>
        {
            c.Response.StatusCode = 301;
            c.Response.Headers.Location = "/gkmlpt/content/post_90b.html";
            return Task.CompletedTask;
        });
        web.Map("/gkmlpt/content/post_90b.html", c => Served.Html(c, SeedReportHtml.Render("环翠区商务局2022年政府信息公开工作年度报告", seed)));
    }

    private static void MapGbk(SimulatedGovWeb web)
    {
        web.Map(GbkList, c => Served.List(c, Served.ListPage("政府信息公开年度报告", [
            ("content_31.html", "聊城市人民政府办公室2023年政府信息公开工作年度报告"),
            ("content_32.html", "关于做好2023年度政府信息公开工作年度报告编制发布工作的通知"),
            ($"http://localhost:{c.Request.Host.Port}/gbk/ndbg/content_99.html", "聊城市人民政府办公室2020年政府信息公开工作年度报告"),
        ], "<div class=\"page\"><a href=\"2.html\">下一页</a></div>", charset: "gbk"), Served.Gbk, "text/html; charset=gbk"));
        // Claims UTF-8 in the header and the page, but the bytes are GBK.
        web.Map("/gbk/ndbg/2.html", c => Served.List(c, Served.ListPage("政府信息公开年度报告", [
            ("content_21.html", "聊城市人民政府办公室2022年政府信息公开工作年度报告"),
            ("content_11.html", "聊城市人民政府办公室2021年政府信息公开工作年度报告"),
        ], "<div class=\"page\"><a href=\"1.html\">上一页</a></div>"), Served.Gbk, "text/html; charset=utf-8"));
        var seed = SeedReportHtml.SeedText(3);
        web.Map("/gbk/ndbg/content_31.html", c => Served.Document(c, Served.Gbk.GetBytes(SeedReportHtml.Render("聊城市人民政府办公室2023年政府信息公开工作年度报告", seed, charset: "gbk")), "text/html; charset=gbk"));
        web.Map("/gbk/ndbg/content_32.html", c => Served.Html(c, "<html><title>通知</title></html>"));
        var failedOnce = 0;
        web.Map("/gbk/ndbg/content_21.html", c =>
        {
            if (Interlocked.Exchange(ref failedOnce, 1) == 0)
            {
                c.Response.StatusCode = 500;
                return c.Response.WriteAsync("Internal Server Error");
            }
            return Served.Document(c, Served.Gbk.GetBytes(SeedReportHtml.Render("聊城市人民政府办公室2022年政府信息公开工作年度报告", seed, charset: "gbk")), "text/html; charset=gbk");
        });
    }

    private static void MapHaidong(SimulatedGovWeb web)
    {
        web.Map(HaidongPortal, c => Served.List(c, Served.ListPage("海东市商务局政府信息公开", [
            ("gknb/index.html", "政府信息公开年报"),
            ("zn/index.html", "政府信息公开指南"),
            ("zcwj/index.html", "政策文件"),
        ])));
        // Like some real sites: the first visit gets a cookie and a 302 back to the same URL.
        web.Map("/haidong/zfxxgk/gknb/index.html", c =>
        {
            if (c.Request.Cookies["visited"] != "1")
            {
                c.Response.StatusCode = 302;
                c.Response.Headers.Append("Set-Cookie", "visited=1; path=/");
                c.Response.Headers.Location = "/haidong/zfxxgk/gknb/index.html";
                return Task.CompletedTask;
            }
            return Served.List(c, Served.ListPage("政府信息公开年报", [
                ("202401/t20240131_5.html", "海东市商务局2023年政府信息公开工作年度报告"),
                ("202401/t20240131_6.html", "海东市商务局2023年政府信息公开工作年度报告的解读"),
            ]));
        });
        web.Map("/haidong/zfxxgk/gknb/202401/t20240131_5.html", async c =>
        {
            await Task.Delay(300, c.RequestAborted);
            await Served.Html(c, "<html><head><meta name=\"ArticleTitle\" content=\"海东市商务局2023年政府信息公开工作年度报告\"><title>海东市商务局</title></head><body>"
                + "<iframe src=\"/pdfjs/web/viewer.html?file=/haidong/files/hd2023.txt\" width=\"100%\"></iframe>"
                + "<a href=\"/haidong/files/jd2023.pdf\">年报解读.pdf</a></body></html>");
        });
        web.Map("/haidong/files/hd2023.txt", c => Served.Document(c, Encoding.UTF8.GetBytes(SeedReportHtml.SeedText(4)), "text/plain; charset=utf-8"));
        web.Map("/haidong/files/jd2023.pdf", c => Served.Document(c, "%PDF-1.4 look-alike"u8.ToArray(), "application/pdf"));
        web.Map("/haidong/zfxxgk/gknb/202401/t20240131_6.html", c => Served.Html(c, "<html><title>解读</title></html>"));
    }
}
