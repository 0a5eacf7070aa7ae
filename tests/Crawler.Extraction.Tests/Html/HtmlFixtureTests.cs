using Crawler.Extraction.Html;
using Crawler.Extraction.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Extraction.Tests.Html;

/// <summary>The generated CMS pages of every seed (tests/fixtures/formats) read back to the gold figures.</summary>
public sealed class HtmlFixtureTests
{
    public static TheoryData<string> Seeds => new(GoldFigures.Seeds);

    private const string TrsUrl = "http://www.gov.example.cn/zfxxgk/zfxxgknb/202401/t20240120_100.html";
    private const string HanwebUrl = "http://www.hanweb.example.cn/art/2024/1/20/art_1_2.html";

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Utf8TrsPageGivesGoldTablesTitleAndAttachment(string seed)
    {
        var gold = GoldFigures.Load(seed);
        var result = await Extract(seed, "report.utf8.html", TrsUrl, "text/html; charset=UTF-8");

        Assert.True(result.Succeeded, result.Error);
        RenderedReportAssertions.TablesEqualGold(result.Document!, gold);
        RenderedReportAssertions.SpansExpanded(result.Document!, gold);
        RenderedReportAssertions.NoFurniture(result.Document!);
        Assert.Equal(gold.Title, result.Title);
        // The title sits above the body container; it is put back as the document's first line.
        Assert.Equal(gold.Title, result.Document!.Paragraphs.First().Text);
        // The body only: the header's 网站使用说明.pdf is page furniture, not an attachment.
        var attachment = Assert.Single(result.Attachments);
        Assert.Equal($"http://www.gov.example.cn/attach/2024/{seed}.pdf", attachment.Url.ToString());
        Assert.Equal(gold.Title + ".pdf", attachment.Text);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task GbkHanwebPageDecodesAndKeepsTheSplitTableAsTwoTables(string seed)
    {
        var gold = GoldFigures.Load(seed);
        // The server sends no charset: the page's <meta ... charset=gb2312> must be used, as GB18030.
        var result = await Extract(seed, "report.gbk.html", HanwebUrl, "text/html");

        Assert.True(result.Succeeded, result.Error);
        RenderedReportAssertions.TablesEqualGold(result.Document!, gold);
        RenderedReportAssertions.SpansExpanded(result.Document!, gold, splitAtPageBreak: true);
        RenderedReportAssertions.NoFurniture(result.Document!);
        Assert.Equal(4, result.Document!.Tables.Count());
        var note = ReportTables.Applications(result.Document)[0][0]!.Text;
        Assert.Equal("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", note);
        Assert.Contains(result.Document.Paragraphs, p => p.Text == "一、总体情况");
        // <title>标题-机关</title>: the site suffix is dropped.
        Assert.Equal(gold.Title, result.Title);
        Assert.Equal(gold.Title, result.Document.Paragraphs.First().Text);
        // pdf.js viewer link, its file parameter decoded and resolved against <base href>.
        var attachment = Assert.Single(result.Attachments);
        Assert.Equal($"http://www.example.gov.cn/attach/2024/{seed}.pdf", attachment.Url.ToString());
    }

    [Fact]
    public async Task ProseParagraphsComeInPrintedOrderAroundTheTables()
    {
        var result = await Extract(GoldFigures.Seeds[0], "report.utf8.html", TrsUrl, null);

        var blocks = result.Document!.Blocks;
        var heading3 = blocks.ToList().FindIndex(b => b is Reports.Documents.Paragraph { Text: "三、收到和处理政府信息公开申请情况" });
        Assert.True(heading3 > 0);
        Assert.IsType<Reports.Documents.Table>(blocks[heading3 + 1]);
        Assert.Contains(result.Document.Paragraphs, p => p.Text.StartsWith("（二）依申请公开工作方面。2023 年，聊城市商务局严格执行依申请公开相关制度，共收到 3 件依申请公开事项"));
        Assert.DoesNotContain(result.Document.Paragraphs, p => p.Text.Contains("首页"));
    }

    private static Task<ExtractionResult> Extract(string seed, string file, string url, string? contentType)
    {
        var bytes = File.ReadAllBytes(Path.Combine(GoldFigures.FormatsFolder(seed), file));
        return new HtmlExtractor(NullLogger<HtmlExtractor>.Instance)
            .ExtractAsync(new SourceDocument(bytes, url, contentType), DocumentFormat.Html, CancellationToken.None);
    }
}
