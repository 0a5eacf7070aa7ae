using System.Text;
using Crawler.Extraction.Html;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Extraction.Tests.Html;

/// <summary>Charset resolution against the bytes: BOM, HTTP header, meta, detection; GBK as GB18030; lying declarations.</summary>
public sealed class HtmlCharsetTests
{
    private static readonly Encoding Gbk;

    static HtmlCharsetTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gbk = Encoding.GetEncoding("GBK");
    }

    private const string Body = "<div class=\"trs_editor_view\"><p>三、收到和处理政府信息公开申请情况</p><table><tr><td>法人或其他组织</td><td>商业企业</td></tr><tr><td>一、本年新收政府信息公开申请数量</td><td>12</td></tr></table></div>";

    [Fact]
    public async Task PageDeclaringUtf8ThatIsReallyGbkIsDecodedAsGbk()
    {
        var bytes = Gbk.GetBytes($"<html><head><meta charset=\"utf-8\"></head><body>{Body}</body></html>");

        var result = await Extract(bytes, "text/html; charset=utf-8");

        AssertDecoded(result);
    }

    [Fact]
    public async Task PageDeclaringGb2312ThatWasTranscodedToUtf8IsDecodedAsUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>{Body}</body></html>");

        AssertDecoded(await Extract(bytes, null));
    }

    [Fact]
    public async Task HttpCharsetIsUsedWhenThePageDeclaresNothing()
    {
        var bytes = Gbk.GetBytes($"<html><body>{Body}</body></html>");

        AssertDecoded(await Extract(bytes, "text/html;charset=GBK"));
    }

    [Fact]
    public async Task UndeclaredGbkIsDetected()
    {
        AssertDecoded(await Extract(Gbk.GetBytes($"<html><body>{Body}</body></html>"), null));
    }

    [Fact]
    public async Task ErrorPageCharsetIso88591IsNotBelievedForChineseBytes()
    {
        AssertDecoded(await Extract(Gbk.GetBytes($"<html><body>{Body}</body></html>"), "text/html; charset=ISO-8859-1"));
    }

    [Fact]
    public async Task ByteOrderMarkWinsOverEveryDeclaration()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"<html><head><meta charset=\"gbk\"></head><body>{Body}</body></html>")).ToArray();

        AssertDecoded(await Extract(bytes, "text/html; charset=gbk"));
    }

    [Fact]
    public async Task CharactersOutsideGb2312SurviveAGb2312Declaration()
    {
        // 镕 and 堃 are not in GB2312; pages that declare gb2312 are really GBK/GB18030 and contain them.
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("<html><head><meta charset=\"gb2312\"></head><body><div id=\"zoom\"><p>联系人：王镕堃，电话 0635-2119228，地址：聊城市卫育路 6 号</p></div></body></html>");

        var result = await Extract(bytes, null);

        Assert.Equal("联系人：王镕堃，电话 0635-2119228，地址：聊城市卫育路 6 号", Assert.Single(result.Document!.Paragraphs).Text);
    }

    [Fact]
    public async Task GbkPageWithABrokenByteKeepsEverythingElse()
    {
        var head = Gbk.GetBytes($"<html><head><meta charset=\"utf-8\"></head><body>{Body}");
        // A stray lead byte and a character cut in half at the end, as truncated downloads have.
        var bytes = head.Concat(new byte[] { 0x81, (byte)'<' }).Concat(Gbk.GetBytes("/body></html>")).Concat(new byte[] { 0xD6 }).ToArray();

        AssertDecoded(await Extract(bytes, "text/html; charset=gb2312"));
        AssertDecoded(await Extract(bytes, null));
    }

    private static void AssertDecoded(ExtractionResult result)
    {
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("三、收到和处理政府信息公开申请情况", Assert.Single(result.Document!.Paragraphs).Text);
        var table = Assert.Single(result.Document.Tables);
        Assert.Equal(["法人或其他组织", "商业企业"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["一、本年新收政府信息公开申请数量", "12"], table.Rows[1].Cells.Select(c => c.Text));
    }

    private static Task<ExtractionResult> Extract(byte[] bytes, string? contentType) =>
        new HtmlExtractor(NullLogger<HtmlExtractor>.Instance)
            .ExtractAsync(new SourceDocument(bytes, "http://www.gov.example.cn/a.html", contentType), DocumentFormat.Html, CancellationToken.None);
}
