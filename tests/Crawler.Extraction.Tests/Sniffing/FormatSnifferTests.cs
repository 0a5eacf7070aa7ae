using System.Text;
using Crawler.Extraction.Sniffing;
using Crawler.Extraction.Tests.Fixtures;
using Crawler.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;

namespace Crawler.Extraction.Tests.Sniffing;

public sealed class FormatSnifferTests
{
    private static readonly string Folder = GoldFigures.FormatsFolder(GoldFigures.Seeds[0]);

    static FormatSnifferTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("report.utf8.html", DocumentFormat.Html)]
    [InlineData("report.gbk.html", DocumentFormat.Html)]
    [InlineData("report.docx", DocumentFormat.Docx)]
    [InlineData("report.doc", DocumentFormat.Doc)]
    public void FixturesAreRecognisedFromTheirBytesWhateverTheyAreCalled(string file, DocumentFormat expected)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));

        Assert.Equal(expected, FormatSniffer.Sniff(new SourceDocument(bytes, "download.bin")));
        Assert.Equal(expected, FormatSniffer.Sniff(new SourceDocument(bytes, "http://x.gov.cn/getfile?id=3", "application/octet-stream")));
    }

    [Fact]
    public void AnOleWordFileIsWpsWhenTheServerOrTheNameSaysSo()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "report.doc"));

        Assert.Equal(DocumentFormat.Wps, FormatSniffer.Sniff(new SourceDocument(bytes, "年报.wps")));
        Assert.Equal(DocumentFormat.Wps, FormatSniffer.Sniff(new SourceDocument(bytes, "http://x.gov.cn/f?id=1", "application/kswps")));
        Assert.Equal(DocumentFormat.Doc, FormatSniffer.Sniff(new SourceDocument(bytes, "年报.doc")));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, DocumentFormat.Image)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, DocumentFormat.Image)]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0 }, DocumentFormat.Image)]
    [InlineData(new byte[] { (byte)'I', (byte)'I', (byte)'*', 0, 8, 0, 0, 0 }, DocumentFormat.Image)]
    [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', (byte)'1', (byte)'.', (byte)'7' }, DocumentFormat.Pdf)]
    public void MagicBytesDecideEvenAgainstTheNameAndContentType(byte[] bytes, DocumentFormat expected)
    {
        Assert.Equal(expected, FormatSniffer.Sniff(new SourceDocument(bytes, "report.doc", "text/html")));
    }

    [Fact]
    public void BmpIsRecognisedByItsHeaderAndLength()
    {
        var bmp = new byte[64];
        "BM"u8.CopyTo(bmp);
        BitConverter.GetBytes(64u).CopyTo(bmp, 2);

        Assert.Equal(DocumentFormat.Image, FormatSniffer.Sniff(new SourceDocument(bmp, "x")));
    }

    [Fact]
    public void BinaryThatMatchesNoMagicIsUnknownEvenWhenCalledPdf()
    {
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        bytes[0] = 0x00;

        Assert.Equal(DocumentFormat.Unknown, FormatSniffer.Sniff(new SourceDocument(bytes, "report.pdf", "application/pdf")));
    }

    [Fact]
    public void SeedTextIsPlainTextInUtf8AndInGbk()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, GoldFigures.Seeds[0] + ".txt"));

        Assert.Equal(DocumentFormat.PlainText, FormatSniffer.Sniff(new SourceDocument(Encoding.UTF8.GetBytes(text), "report.txt")));
        Assert.Equal(DocumentFormat.PlainText, FormatSniffer.Sniff(new SourceDocument(Encoding.GetEncoding("GB18030").GetBytes(text), "report")));
    }

    [Fact]
    public void TextWithoutLeadingMarkupIsHtmlOnlyWhenContentTypeOrExtensionSaysSo()
    {
        var bytes = Encoding.UTF8.GetBytes("政府信息公开工作年度报告 <p>正文</p>");

        Assert.Equal(DocumentFormat.Html, FormatSniffer.Sniff(new SourceDocument(bytes, "x", "text/html; charset=utf-8")));
        Assert.Equal(DocumentFormat.Html, FormatSniffer.Sniff(new SourceDocument(bytes, "http://x.gov.cn/art/1.shtml?id=2")));
        Assert.Equal(DocumentFormat.PlainText, FormatSniffer.Sniff(new SourceDocument(bytes, "x.txt")));
    }

    [Theory]
    [InlineData("\uFEFF\r\n  <!DOCTYPE html><html><body>年报</body></html>")]
    [InlineData("<!-- TRS --><html><head><title>年报</title></head></html>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x\"><html/>")]
    [InlineData("<meta charset=\"gbk\"><table><tr><td>1</td></tr></table>")]
    public void LeadingMarkupIsHtml(string page)
    {
        Assert.Equal(DocumentFormat.Html, FormatSniffer.Sniff(new SourceDocument(Encoding.UTF8.GetBytes(page), "download")));
    }

    [Fact]
    public void SpreadsheetZipIsXls()
    {
        var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            zip.CreateEntry("xl/workbook.xml");

        Assert.Equal(DocumentFormat.Xls, FormatSniffer.Sniff(new SourceDocument(output.ToArray(), "report.docx")));
    }

    [Fact]
    public void SniffingNeverThrows()
    {
        Prop.ForAll<byte[], string>((bytes, name) =>
        {
            var format = FormatSniffer.Sniff(new SourceDocument(bytes ?? [], name ?? "", name));
            return Enum.IsDefined(format);
        }).QuickCheckThrowOnFailure();
    }
}
