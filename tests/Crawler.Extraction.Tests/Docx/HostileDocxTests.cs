using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Crawler.Extraction.Docx;
using Crawler.Extraction.Tests.Fixtures;

namespace Crawler.Extraction.Tests.Docx;

/// <summary>Broken and hostile DOCX files: each fails fast with a reason that names the file.</summary>
public sealed class HostileDocxTests
{
    private static readonly string Fixture = Path.Combine(GoldFigures.FormatsFolder(GoldFigures.Seeds[0]), "report.docx");

    [Fact]
    public void TruncatedDocxSaysItIsTruncated()
    {
        var bytes = File.ReadAllBytes(Fixture);

        var result = Extract(bytes[..(bytes.Length / 2)], "half.docx");

        Assert.False(result.Succeeded);
        Assert.StartsWith("half.docx：", result.Error);
        Assert.Contains("截断", result.Error);
    }

    [Fact]
    public void DocxThatIsNotAZipSaysSo()
    {
        var result = Extract(Encoding.UTF8.GetBytes("这不是 zip 文件，只是改了扩展名的文本。"), "renamed.docx");

        Assert.False(result.Succeeded);
        Assert.StartsWith("renamed.docx：", result.Error);
        Assert.Contains("不是有效的 DOCX", result.Error);
    }

    [Fact]
    public void ZipWithoutWordDocumentIsNotAWordFile()
    {
        var result = Extract(Zip(("xl/workbook.xml", Encoding.UTF8.GetBytes("<workbook/>"))), "sheet.docx");

        Assert.False(result.Succeeded);
        Assert.Contains("没有 word/document.xml", result.Error);
    }

    [Fact]
    public void ZipBombIsRefusedBeforeOpenXmlInflatesIt()
    {
        // 64 MB of zeros deflates to about 64 KB; the limit is 16 MB.
        var bomb = Zip(("word/document.xml", new byte[64 * 1024 * 1024]));
        Assert.True(bomb.Length < 1024 * 1024);
        var clock = Stopwatch.StartNew();

        var result = Extract(bomb, "bomb.docx", o => o with { MaxZipUncompressedBytes = 16L * 1024 * 1024, MaxDocumentXmlBytes = 8L * 1024 * 1024 });

        Assert.False(result.Succeeded);
        Assert.StartsWith("bomb.docx：", result.Error);
        Assert.Contains("zip 炸弹", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void ZipBombThatUnderstatesItsSizesNeverInflatesBeyondThem()
    {
        // 32 MB of zeros whose local and central headers claim 1,000 bytes: the declared sizes pass every
        // limit. The guard counts the bytes actually inflated (and .NET stops an entry at its declared
        // size), so at most 1,000 bytes come out and the "document" is refused as having no body.
        var bytes = Zip(("word/document.xml", new byte[32 * 1024 * 1024]));
        Understate(bytes, "word/document.xml", 1000);
        var clock = Stopwatch.StartNew();

        var result = Extract(bytes, "liar.docx", o => o with { MaxZipUncompressedBytes = 16L * 1024 * 1024, MaxDocumentXmlBytes = 8L * 1024 * 1024 });

        Assert.False(result.Succeeded);
        Assert.StartsWith("liar.docx：", result.Error);
        Assert.Contains("缺少 w:body", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void ZipWithTooManyEntriesIsRefused()
    {
        var entries = Enumerable.Range(0, 300).Select(i => ($"word/media/e{i}.xml", new byte[1])).Append(("word/document.xml", new byte[1])).ToArray();

        var result = Extract(Zip(entries), "many.docx", o => o with { MaxZipEntries = 100 });

        Assert.False(result.Succeeded);
        Assert.Contains("301 个条目，超过上限 100", result.Error);
    }

    [Fact]
    public void BillionLaughsInDocumentXmlFailsFastWithAClearError()
    {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
            laughs.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))}\">");
        laughs.Append("]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>");
        var bytes = ReplaceDocumentXml(File.ReadAllBytes(Fixture), laughs.ToString());
        var clock = Stopwatch.StartNew();

        var result = Extract(bytes, "laughs.docx");

        Assert.False(result.Succeeded);
        Assert.StartsWith("laughs.docx：", result.Error);
        Assert.Contains("DTD", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(11);
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            if (bytes.Length > 4) "PK\x03\x04"u8.CopyTo(bytes);
            var result = Extract(bytes, $"random-{i}.docx");
            Assert.False(result.Succeeded);
            Assert.StartsWith($"random-{i}.docx：", result.Error);
        }
    }

    private static ExtractionResult Extract(byte[] bytes, string name, Func<ExtractionOptions, ExtractionOptions>? change = null) =>
        new DocxExtractor(TestOptions.With(change ?? (o => o))).Extract(new SourceDocument(bytes, name), CancellationToken.None);

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }
        return output.ToArray();
    }

    /// <summary>Overwrites the uncompressed size of an entry in its local header and its central directory record.</summary>
    private static void Understate(byte[] zip, string name, uint size)
    {
        var nameBytes = Encoding.ASCII.GetBytes(name);
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            var local = zip.AsSpan(i).StartsWith("PK\x03\x04"u8);
            var central = zip.AsSpan(i).StartsWith("PK\x01\x02"u8);
            if (!local && !central) continue;
            var nameOffset = i + (local ? 30 : 46);
            if (nameOffset + nameBytes.Length > zip.Length || !zip.AsSpan(nameOffset, nameBytes.Length).SequenceEqual(nameBytes)) continue;
            BitConverter.GetBytes(size).CopyTo(zip, i + (local ? 22 : 24));
        }
    }

    private static byte[] ReplaceDocumentXml(byte[] docx, string documentXml)
    {
        var output = new MemoryStream();
        output.Write(docx);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var stream = zip.CreateEntry("word/document.xml").Open();
            stream.Write(Encoding.UTF8.GetBytes(documentXml));
        }
        return output.ToArray();
    }
}
