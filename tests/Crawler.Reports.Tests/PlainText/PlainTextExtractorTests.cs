using System.Text;
using Crawler.Extraction;
using Crawler.Extraction.PlainText;
using Format = Crawler.Extraction.DocumentFormat;

namespace Crawler.Reports.Tests.PlainText;

public class PlainTextExtractorTests
{
    private const string Text = "聊城市商务局 2023 年政府信息公开工作年度报告\n\n规章\t0\t1\t2\n";

    [Fact]
    public async Task Utf8_text_is_read_as_utf8()
    {
        var result = await Extract(Encoding.UTF8.GetBytes(Text));

        Assert.True(result.Succeeded);
        Assert.Equal("聊城市商务局 2023 年政府信息公开工作年度报告", result.Document!.Paragraphs.Single().Text);
        Assert.Equal("report.txt", result.Document.Origin);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_read_as_gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(Text);
        Assert.False(System.Text.Unicode.Utf8.IsValid(gbk));

        var result = await Extract(gbk);

        Assert.Equal("聊城市商务局 2023 年政府信息公开工作年度报告", result.Document!.Paragraphs.Single().Text);
        Assert.Equal(["规章", "0", "1", "2"], result.Document.Tables.Single().Rows[0].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Only_plain_text_is_claimed()
    {
        var extractor = new PlainTextExtractor();

        Assert.True(extractor.CanExtract(Format.PlainText));
        Assert.False(extractor.CanExtract(Format.Html));
        Assert.False(extractor.CanExtract(Format.Pdf));
    }

    private static Task<ExtractionResult> Extract(byte[] bytes) =>
        new PlainTextExtractor().ExtractAsync(new SourceDocument(bytes, "report.txt"), Format.PlainText, CancellationToken.None);
}
