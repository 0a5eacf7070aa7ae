using System.Globalization;
using System.Net;
using System.Text;
using Crawler.Worker.SampleSite;

namespace Crawler.LoadTest.HostileSites;

/// <summary>
/// The hostile pages of the crawl-pipeline issue, built the way tests/Crawler.Pipeline.Tests/Hostile builds them,
/// around real report pages (samples/seeds rendered by <see cref="SeedReportPage"/>, as the simulated nation does).
/// </summary>
public sealed class HostilePages(IReadOnlyList<string> seeds)
{
    public static HostilePages Load() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray());

    public static string ReportTitle(string agency) => $"{agency}2023年政府信息公开工作年度报告";

    /// <summary>A real report page: seed <paramref name="seed"/> under the agency's title.</summary>
    public string Report(string agency, int seed = 0, string extraBody = "") =>
        SeedReportPage.Render(ReportTitle(agency), seeds[seed % seeds.Count], new DateOnly(2024, 1, 25), extraBody);

    /// <summary>A TRS column page whose paging script declares <paramref name="declaredPages"/> pages (createPageHTML(count, current, …)).</summary>
    public static string TrsList(IEnumerable<(string Href, string Text)> items, int declaredPages, int current) =>
        SimulatedMarkup.List("政府信息公开年报", items, $"<script>var countPage = {declaredPages}; createPageHTML(countPage, {current}, \"index\", \"html\");</script>");

    /// <summary>One page linking <paramref name="reports"/> report pages and <paramref name="nextLinks"/> 下一页 pages (BoundedFrontierTests' wide page).</summary>
    public static string WideList(Func<int, string> reportTitle, int reports, int nextLinks)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府信息公开年报</title></head><body><ul>");
        for (var i = 1; i <= reports; i++) html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/wide/t{i}.html\">{reportTitle(i)}</a><span>2024-01-30</span></li>");
        html.Append("</ul><div class=\"page\">");
        for (var i = 1; i <= nextLinks; i++) html.Append(CultureInfo.InvariantCulture, $"<a href=\"/wide/p{i}.html\">下一页</a>");
        return html.Append("</div></body></html>").ToString();
    }

    /// <summary>
    /// A report page padded to at least <paramref name="bytes"/> with what makes real ones that large: screenshots pasted
    /// from Word as base64 <c>data:</c> images inside the article (about 60 %), then the portal's related-articles list
    /// and footer, repeated as some CMS templates do (the rest). The report's own text and tables are unchanged.
    /// </summary>
    public byte[] PaddedReport(string agency, int bytes)
    {
        var random = new Random(20240125);
        var images = new StringBuilder();
        var imageBytes = (int)(bytes * 0.6);
        for (var n = 1; images.Length < imageBytes; n++)
        {
            var png = new byte[Math.Min(3 * 1024 * 1024, imageBytes - images.Length) * 3 / 4 + 64];
            random.NextBytes(png);
            "\x89PNG\r\n\x1a\n"u8.CopyTo(png);
            images.Append(CultureInfo.InvariantCulture, $"<p style=\"text-align:center\"><img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" width=\"600\" alt=\"图{n}\"></p>\n");
        }
        var page = Report(agency, 0, images.ToString());
        var related = new StringBuilder("<div class=\"related\"><h3>相关文章</h3><ul>\n");
        string[] subjects = ["关于印发《2024年政务公开工作要点》的通知", "政府信息公开指南", "2023年法治政府建设情况报告", "关于开展营商环境评价工作的通知", "商务领域安全生产专项整治", "重点项目建设进展情况", "政策解读：稳外贸稳外资若干措施"];
        var footer = "<div class=\"footer\"><p>主办单位：" + WebUtility.HtmlEncode(agency) + "　承办单位：政务服务数据管理局　网站标识码：3715000001　鲁ICP备05000000号　鲁公网安备 37150202000001号</p><p>地址：山东省聊城市东昌府区 电话：0635-0000000 建议使用1920×1080分辨率</p></div>\n";
        var padding = bytes - Encoding.UTF8.GetByteCount(page);
        for (var (i, written) = (0, 0); written < padding; i++)
        {
            var item = $"<li><a href=\"/news/{2015 + i % 9}/{i}.html\" title=\"{subjects[i % subjects.Length]}\">{subjects[i % subjects.Length]}（{i}）</a><span>{2015 + i % 9}-{1 + i % 12:00}-{1 + i % 28:00}</span></li>\n";
            if (i % 500 == 499) item += "</ul>" + footer + "<ul>";
            related.Append(item);
            written += Encoding.UTF8.GetByteCount(item);
        }
        related.Append("</ul></div>");
        return Encoding.UTF8.GetBytes(page.Replace("</body></html>", related + "</body></html>", StringComparison.Ordinal));
    }

    /// <summary>A report page whose article (text and tables) sits <paramref name="depth"/> &lt;div&gt; levels deep.</summary>
    public string NestedReport(string agency, int depth)
    {
        const string article = "<div class=\"trs_editor_view\">";
        var page = Report(agency);
        var open = page.IndexOf(article, StringComparison.Ordinal) + article.Length;
        var close = page.LastIndexOf("</div></body>", StringComparison.Ordinal);
        return new StringBuilder(page.Length + depth * 11)
            .Append(page, 0, open).Append(string.Concat(Enumerable.Repeat("<div>", depth)))
            .Append(page, open, close - open).Append(string.Concat(Enumerable.Repeat("</div>", depth)))
            .Append(page, close, page.Length - close).ToString();
    }
}
