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
    public string Report(string agency, int seed = 0, string extraBody = "", string? title = null) =>
        SeedReportPage.Render(title ?? ReportTitle(agency), seeds[seed % seeds.Count], new DateOnly(2024, 1, 25), extraBody);

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
    /// A report page padded to at least <paramref name="bytes"/> with what makes real ones that large (<see cref="Padding"/>,
    /// by default a third of each): <c>word</c>, the report's policy reading pasted from Word inside the article, every
    /// paragraph in MsoNormal spans and inline styles; <c>images</c>, screenshots pasted as base64 <c>data:</c> images
    /// inside the article; <c>links</c>, the portal's related-articles list and footer after the article, repeated as
    /// some CMS templates do. The report's own text and tables are unchanged.
    /// </summary>
    public byte[] PaddedReport(string agency, int bytes)
    {
        string[] kinds = Padding == "mixed" ? ["word", "images", "links"] : [Padding];
        var share = (bytes - Encoding.UTF8.GetByteCount(Report(agency))) / kinds.Length + 1;
        string Part(string kind) => kinds.Contains(kind) ? Fill(share, kind switch
        {
            "word" => WordParagraph,
            "images" => Image,
            "links" => RelatedItem(agency),
            _ => throw new ArgumentException($"--padding is mixed, word, images or links, not {Padding}"),
        }) : "";
        var links = Part("links");
        var page = Report(agency, 0, Part("word") + Part("images"));
        return Encoding.UTF8.GetBytes(page.Replace("</body></html>", (links.Length > 0 ? "<div class=\"related\"><h3>相关文章</h3><ul>\n" + links + "</ul></div>" : "") + "</body></html>", StringComparison.Ordinal));
    }

    /// <summary>What <see cref="PaddedReport"/> pads with: mixed (default), word, images or links; --padding.</summary>
    public string Padding { get; set; } = "mixed";

    private static string Fill(int bytes, Func<int, string> piece)
    {
        var text = new StringBuilder();
        for (var (i, written) = (0, 0); written < bytes; i++)
        {
            var next = piece(i);
            text.Append(next);
            written += Encoding.UTF8.GetByteCount(next);
        }
        return text.ToString();
    }

    private static readonly string[] Sentences =
    [
        "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，",
        "进一步加强政务公开标准化规范化建设，推进决策、执行、管理、服务、结果公开，",
        "围绕优化营商环境、稳外贸稳外资、促进消费等重点工作，及时发布政策文件并做好解读回应，",
        "健全政府信息公开申请办理工作机制，规范答复格式文本，提升依申请公开办理质量，",
        "加强政府网站和政务新媒体建设管理，持续提升政务公开平台的权威性和便民性。",
    ];

    private static string WordParagraph(int i) =>
        "<p class=\"MsoNormal\" style=\"text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly\">"
        + "<span style=\"font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:'Times New Roman';mso-bidi-font-family:'Times New Roman'\">"
        + Sentences[i % Sentences.Length] + Sentences[(i + 2) % Sentences.Length]
        + "</span><span lang=\"EN-US\" style=\"font-size:16.0pt;font-family:仿宋_GB2312\"><o:p></o:p></span></p>\n";

    private static string Image(int n)
    {
        var png = new byte[1536 * 1024];
        new Random(n).NextBytes(png);
        "\x89PNG\r\n\x1a\n"u8.CopyTo(png);
        return $"<p style=\"text-align:center\"><img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" width=\"600\" alt=\"图{n + 1}\"></p>\n";
    }

    private static readonly string[] Subjects = ["关于印发《2024年政务公开工作要点》的通知", "政府信息公开指南", "2023年法治政府建设情况报告", "关于开展营商环境评价工作的通知", "商务领域安全生产专项整治", "重点项目建设进展情况", "政策解读：稳外贸稳外资若干措施"];

    private static Func<int, string> RelatedItem(string agency)
    {
        var footer = "</ul><div class=\"footer\"><p>主办单位：" + WebUtility.HtmlEncode(agency) + "　承办单位：政务服务数据管理局　网站标识码：3715000001　鲁ICP备05000000号　鲁公网安备 37150202000001号</p><p>地址：山东省聊城市东昌府区 电话：0635-0000000 建议使用1920×1080分辨率</p></div><ul>\n";
        return i => $"<li><a href=\"/news/{2015 + i % 9}/{i}.html\" title=\"{Subjects[i % Subjects.Length]}\">{Subjects[i % Subjects.Length]}（{i}）</a><span>{2015 + i % 9}-{1 + i % 12:00}-{1 + i % 28:00}</span></li>\n"
            + (i % 500 == 499 ? footer : "");
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
