using System.Text;
using System.Text.RegularExpressions;
using Crawler.Extraction.Html;
using Crawler.Extraction.Tests.Fixtures;
using Crawler.Reports.Documents;

namespace Crawler.Extraction.Tests.Html;

/// <summary>
/// The markup a DOM is built from (<see cref="LeanMarkup"/>): what it takes out, exactly, and that a report read from
/// it is the report read from the page as published (blocks, tables with their spans, title, attachments).
/// </summary>
public sealed partial class LeanMarkupTests
{
    private const string PageUrl = "http://www.gov.example.cn/zfxxgk/zfxxgknb/202401/t20240120_100.html";

    [Fact]
    public void WordPastedParagraphKeepsItsBlockAndTextOnly()
    {
        const string word = "<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>一、总体情况</span>"
                            + "<span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>";

        Assert.Equal("<p class=\"MsoNormal\">一、总体情况</p>", LeanMarkup.Of(word));
    }

    [Fact]
    public void FormattingThatAReaderLooksAtStaysWithItsOwnEndTag()
    {
        const string page = "<div><span class=\"share\">分享到<span>微信</span></span><span style=\"DISPLAY: none\">关键词</span><b onclick=\"window.open('/a.pdf')\">附件</b></div>";

        Assert.Equal("<div><span class=\"share\">分享到微信</span><span style=\"display:none\">关键词</span><b onclick=\"window.open('/a.pdf')\">附件</b></div>", LeanMarkup.Of(page));
    }

    [Fact]
    public void QuotedGreaterThanSignsDoNotEndATag()
    {
        const string page = "<a href=\"/f/2023.pdf\" target=_blank onclick=\"if (a > b) window.open('/f/2023.pdf')\" title='年报 > 2023'>年度报告</a>";

        Assert.Equal("<a href=\"/f/2023.pdf\" onclick=\"if (a > b) window.open('/f/2023.pdf')\" title='年报 > 2023'>年度报告</a>", LeanMarkup.Of(page));
    }

    [Fact]
    public void CommentsScriptsAndStylesGoAndEmbeddedImagesKeepOnlyTheirType()
    {
        var base64 = Convert.ToBase64String(new byte[30_000]);
        var page = $"<head><style>p {{ color: red }}</style><script>document.write(\"<a href='/y.pdf'>y</a>\");</script></head>"
                   + $"<body><!--[if !supportLists]--><!-- <a href=\"/x.pdf\">x</a> --><p><img src=\"data:image/png;base64,{base64}\" width=600 alt=\"图1\"></p></body>";

        Assert.Equal("<head></head><body><p><img src=\"data:image/png\"></p></body>", LeanMarkup.Of(page));
    }

    [Fact]
    public void WhitespaceBetweenBlocksGoesAndBetweenWordsBecomesOneCharacter()
    {
        const string page = "<ul>\n   <li><a href=\"/1.html\">一</a>   \t <a href=\"/2.html\">二</a></li>\r\n  <li>三</li>\n</ul> <span>四</span>";

        Assert.Equal("<ul><li><a href=\"/1.html\">一</a> <a href=\"/2.html\">二</a></li><li>三</li></ul> 四", LeanMarkup.Of(page));
    }

    [Fact]
    public void UnbalancedAndStrayFormattingTagsLeaveTheBlocksAlone()
    {
        const string page = "<p><span>未闭合<font>文字</p><p>第二段</font></span></span></p>";

        Assert.Equal("<p>未闭合文字</p><p>第二段</span></p>", LeanMarkup.Of(page));
    }

    [Fact]
    public void ForExtractionListItemLinksToNoDocumentBecomeTextAndOtherLinksStay()
    {
        const string page = "<div><p>见<a href=\"/news/1.html\">通知</a></p><ul><li><a href=\"/news/2.html\" title=\"相关\">相关文章</a><span>2024-01-01</span></li>"
                            + "<li><p><a href=\"/n/3.html\">段内链接</a></p></li><li><a href=\"/f/nb.pdf\">年报.pdf</a></li><dd><a href=\"#\" onclick=\"window.open('/f/a.doc')\">附件</a></dd></ul></div>";

        Assert.Equal("<div><p>见<a href=\"/news/1.html\">通知</a></p><ul><li>相关文章2024-01-01</li>"
                     + "<li><p><a href=\"/n/3.html\">段内链接</a></p></li><li><a href=\"/f/nb.pdf\">年报.pdf</a></li><dd><a href=\"#\" onclick=\"window.open('/f/a.doc')\">附件</a></dd></ul></div>",
            LeanMarkup.Article(page));
        Assert.Equal(page.Replace("<span>", "").Replace("</span>", ""), LeanMarkup.Of(page));
    }

    public static TheoryData<string> Seeds => new(GoldFigures.Seeds);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryRenderedReportReadsTheSameFromItsLeanMarkup(string seed)
    {
        var page = File.ReadAllText(Path.Combine(GoldFigures.FormatsFolder(seed), "report.utf8.html"));

        AssertSameReading(page);
        AssertSameReading(AsPastedFromWord(page));
        // A portal's related-articles list after the article, and the same page when no known container names the
        // article and the densest element is chosen (link text weighs nothing there).
        AssertSameReading(WithRelatedArticles(page));
        AssertSameReading(WithRelatedArticles(page).Replace("trs_editor_view TRS_UEDITOR", "main-text", StringComparison.Ordinal));
    }

    [Fact]
    public void APastedFromWordReportReadsAsThePlainOne()
    {
        var page = File.ReadAllText(Path.Combine(GoldFigures.FormatsFolder(GoldFigures.Seeds[0]), "report.utf8.html"));

        Assert.Equal(Reading(page), Reading(AsPastedFromWord(page)));
    }

    private static void AssertSameReading(string page)
    {
        var published = Reading(page);
        var lean = Reading(LeanMarkup.Article(page));
        Assert.True(published.Length > 1000, "the page reads as a report");
        Assert.Equal(published, lean);
    }

    /// <summary>Title, attachments, then every block: a paragraph's text, or a table's rows of cells with their spans.</summary>
    private static string Reading(string markup)
    {
        var result = HtmlExtractor.Read(markup, PageUrl, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        var text = new StringBuilder().AppendLine($"title: {result.Title}");
        foreach (var attachment in result.Attachments) text.AppendLine($"attachment: {attachment.Url} {attachment.Text}");
        foreach (var block in result.Document!.Blocks)
        {
            if (block is Paragraph paragraph) text.AppendLine(paragraph.Text);
            else if (block is Table table)
            {
                foreach (var row in table.Rows)
                    text.AppendLine("| " + string.Join(" | ", row.Cells.Select(c => $"{c.Text.Replace('\n', '/')} ({c.RowSpan}x{c.ColumnSpan})")));
            }
        }
        return text.ToString();
    }

    private static string WithRelatedArticles(string page) =>
        page.Replace("</body>", "<div class=\"related\"><h3>相关文章</h3><ul>\n"
            + string.Concat(Enumerable.Range(1, 200).Select(i => $"<li><a href=\"/news/{i}.html\" title=\"通知{i}\">关于印发工作要点的通知（{i}）</a><span>2023-01-{1 + i % 28:00}</span></li>\n"))
            + "</ul><p>相关链接：<a href=\"http://www.gov.cn/\">中国政府网</a> <a href=\"/sitemap.html\">网站地图</a></p></div></body>", StringComparison.Ordinal);

    /// <summary>The page as Word pastes it: every paragraph and cell text in MsoNormal paragraphs, styled spans and o:p, with conditional comments.</summary>
    private static string AsPastedFromWord(string page) =>
        CellOrParagraphText().Replace(page, m =>
            $"{m.Groups[1].Value}<span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New Roman\"'><!--[if !supportLists]-->"
            + $"<font face=仿宋>{m.Groups[2].Value}</font></span><span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span>{m.Groups[3].Value}");

    [GeneratedRegex(@"(<(?:p|td)\b[^>]*>)([^<]+)(</(?:p|td)>)")]
    private static partial Regex CellOrParagraphText();
}
