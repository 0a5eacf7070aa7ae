using System.Text;
using Crawler.Extraction.Html;
using Crawler.Reports.Documents;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Extraction.Tests.Html;

/// <summary>Body finding, page furniture, table quirks (layout tables, nested tables, &lt;p&gt;/&lt;br&gt; in cells, &amp;nbsp;), titles.</summary>
public sealed class HtmlStructureTests
{
    [Fact]
    public async Task LayoutTableIsSeenThroughAndTheInnerDataTableIsRead()
    {
        var page = """
            <html><body><table class="main"><tr><td>
              <p>二、主动公开政府信息情况</p>
              <table border="1"><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>2</td></tr></table>
            </td><td><a href="/">首页</a></td></tr></table></body></html>
            """;

        var result = await Extract(page);

        var table = Assert.Single(result.Document!.Tables);
        Assert.Equal(["规章", "2"], table.Rows[1].Cells.Select(c => c.Text));
        Assert.Contains(result.Document.Paragraphs, p => p.Text == "二、主动公开政府信息情况");
    }

    [Fact]
    public async Task SmallTableNestedInACellIsFlattenedIntoTheCellText()
    {
        var page = """
            <div id="zoom"><p>表三 收到和处理政府信息公开申请情况如下表所示</p><table>
              <tr><td><table><tr><td>三、本年度</td></tr><tr><td>办理结果</td></tr></table></td><td>（一）予以公开</td><td>5</td></tr>
            </table></div>
            """;

        var result = await Extract(page);

        var cells = Assert.Single(result.Document!.Tables).Rows[0].Cells;
        Assert.Equal(["三、本年度\n办理结果", "（一）予以公开", "5"], cells.Select(c => c.Text));
    }

    [Fact]
    public async Task ADataTableWithALittleGridInAHeaderCellStaysOneDataTable()
    {
        var page = """
            <div id="zoom"><p>四、政府信息公开行政复议、行政诉讼情况</p><table>
              <tr><td><table><tr><td>行政</td><td>复议</td></tr><tr><td>（件）</td><td></td></tr></table></td><td>行政诉讼</td><td>合计</td></tr>
              <tr><td>0</td><td>1</td><td>1</td></tr>
              <tr><td>2</td><td>3</td><td>5</td></tr>
            </table></div>
            """;

        var table = Assert.Single((await Extract(page)).Document!.Tables);

        Assert.Equal(["行政 复议\n（件）", "行政诉讼", "合计"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["2", "3", "5"], table.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public async Task HiddenElementsAreNotText()
    {
        var page = """
            <div class="trs_editor_view"><p>一、总体情况</p><div style="DISPLAY: none">关键词：年报 年报 年报</div>
            <p>2023年，本局认真贯彻落实政府信息公开条例。</p></div>
            """;

        Assert.Equal(["一、总体情况", "2023年，本局认真贯彻落实政府信息公开条例。"], (await Extract(page)).Document!.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public async Task ParagraphsAndBreaksInACellAreJoinedWithNewlinesAndNbspCellsAreBlank()
    {
        var page = """
            <div class="article-content"><p>四、政府信息公开行政复议、行政诉讼情况（单位：件）</p><table>
              <tr><td><p>结果</p><p>维持</p></td><td>尚未<br>审结</td><td>&nbsp;</td><td><p>&nbsp;</p></td><td><span> 0 </span></td></tr>
            </table></div>
            """;

        var cells = Assert.Single((await Extract(page)).Document!.Tables).Rows[0].Cells;

        Assert.Equal(["结果\n维持", "尚未\n审结", "", "", "0"], cells.Select(c => c.Text));
        Assert.True(cells[2].IsBlank);
    }

    [Fact]
    public async Task RowAndColumnSpansAreKeptAndExpandedByToGrid()
    {
        var page = """
            <div class="trs_editor_view"><p>三、收到和处理政府信息公开申请情况</p><table>
              <tr><td rowspan="2" colspan="2">申请人情况</td><td colspan="2">法人或其他组织</td></tr>
              <tr><td>商业企业</td><td>科研机构</td></tr>
              <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>1</td></tr>
              <tr><td>2.其他法律行政法规禁止公开</td><td>2</td><td>3</td></tr>
            </table></div>
            """;

        var table = Assert.Single((await Extract(page)).Document!.Tables);
        var grid = table.ToGrid();

        Assert.Equal(2, table.Rows[0].Cells[0].RowSpan);
        Assert.Equal(2, table.Rows[0].Cells[0].ColumnSpan);
        Assert.Equal(["（三）不予公开", "2.其他法律行政法规禁止公开", "2", "3"], grid[3].Select(c => c!.Text));
        Assert.Same(grid[0][0], grid[1][1]);
    }

    [Fact]
    public async Task DensestContainerIsTheBodyWhenNoCmsContainerIsKnown()
    {
        var page = """
            <html><head><title>某某区商务局2023年政府信息公开工作年度报告 - 某某区人民政府</title></head><body>
            <div class="top"><a href="/">首页</a><a href="/a">机构</a><a href="/b">政务公开</a><a href="/c">政务服务</a><a href="/d">互动交流</a></div>
            <div class="wrap"><div class="left"><a href="/x">通知公告</a> <a href="/y">政策文件</a></div>
            <div class="main-text"><p>根据《中华人民共和国政府信息公开条例》规定，现公布本局2023年政府信息公开工作年度报告。</p>
            <p>一、总体情况</p><p>2023年，本局认真贯彻落实政府信息公开工作的部署要求。</p>
            <p>分享到：微信 微博</p></div></div>
            <div class="foot">主办单位：某某区人民政府 网站标识码 1234 版权所有</div></body></html>
            """;

        var result = await Extract(page);

        Assert.Equal(
            ["某某区商务局2023年政府信息公开工作年度报告", "根据《中华人民共和国政府信息公开条例》规定，现公布本局2023年政府信息公开工作年度报告。", "一、总体情况", "2023年，本局认真贯彻落实政府信息公开工作的部署要求。"],
            result.Document!.Paragraphs.Select(p => p.Text));
        Assert.Equal("某某区商务局2023年政府信息公开工作年度报告", result.Title);
    }

    [Fact]
    public async Task TitleFromTheArticleHeadingWhenThereIsNoMeta()
    {
        var page = """
            <html><head><title>政府信息公开_某市</title></head><body><h1>某市商务局2023年政府信息公开工作年度报告</h1>
            <div id="UCAP-CONTENT"><p>根据《中华人民共和国政府信息公开条例》规定，现公布本局年度报告。</p></div></body></html>
            """;

        Assert.Equal("某市商务局2023年政府信息公开工作年度报告", (await Extract(page)).Title);
    }

    [Fact]
    public async Task ATitleTheBodyAlreadyOpensWithIsNotRepeated()
    {
        var page = """
            <html><head><meta name="ArticleTitle" content="某市商务局 2023年政府信息公开工作年度报告"></head><body>
            <div class="trs_editor_view"><p>某市商务局2023年政府信息公开工作年度报告</p><p>一、总体情况</p></div></body></html>
            """;

        Assert.Equal(["某市商务局2023年政府信息公开工作年度报告", "一、总体情况"], (await Extract(page)).Document!.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public async Task DeeplyNestedMarkupIsAFailureNotACrash()
    {
        var page = string.Concat(Enumerable.Repeat("<div>", 5000)) + "年报" + string.Concat(Enumerable.Repeat("</div>", 5000));

        var result = await Extract(page);

        Assert.False(result.Succeeded);
        Assert.StartsWith("http://www.gov.example.cn/a.html：HTML 无法解析（标签嵌套超过 1000 层", result.Error);
    }

    private static Task<ExtractionResult> Extract(string page) =>
        new HtmlExtractor(NullLogger<HtmlExtractor>.Instance)
            .ExtractAsync(new SourceDocument(Encoding.UTF8.GetBytes(page), "http://www.gov.example.cn/a.html"), DocumentFormat.Html, CancellationToken.None);
}
