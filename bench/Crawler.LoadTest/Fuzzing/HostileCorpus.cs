using System.IO.Compression;
using System.Text;

namespace Crawler.LoadTest.Fuzzing;

/// <summary>
/// Deterministic hostile documents made from the fixture reports (text PDFs, DOCX, UTF-8 and GBK HTML; the DOC,
/// WPS, scanned-PDF and image kinds, whose LibreOffice/OCR runs take seconds each, are <see cref="SlowHostileCorpus"/>): bit flips, truncations, splices of two
/// files, random bytes behind a format's magic header, billion-laughs and zip-bomb DOCX, deeply nested and
/// gigantic HTML, invalid encodings, and mutated encrypted PDFs. The same seed always yields the same corpus.
/// </summary>
public static class HostileCorpus
{
    private static readonly Lazy<byte[]> BillionLaughs = new(BillionLaughsDocx);
    private static readonly Lazy<byte[]> ZipBomb = new(ZipBombDocx);
    private static readonly string[] BaseFiles = ["report.pdf", "report.docx", "report.utf8.html", "report.gbk.html"];

    public static IEnumerable<HostileInput> Generate(string formatsDirectory, int count, int seed)
    {
        var bases = Directory.GetDirectories(formatsDirectory).Order(StringComparer.Ordinal)
            .SelectMany(d => BaseFiles.Select(f => Path.Combine(d, f))).Where(File.Exists)
            .Select(p => (Name: $"{Path.GetFileName(Path.GetDirectoryName(p))}-{Path.GetFileName(p)}", Bytes: File.ReadAllBytes(p))).ToArray();
        var encrypted = Path.Combine(formatsDirectory, "bad-pdf", "encrypted.pdf");
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (name, bytes) = bases[random.Next(bases.Length)];
            var ext = Path.GetExtension(name);
            yield return (i % 20) switch
            {
                < 6 => new($"{i:0000}-bitflip-{name}", BitFlips(bytes, random)),
                < 10 => new($"{i:0000}-truncate-{name}", bytes[..random.Next(bytes.Length)]),
                < 13 => Splice(i, name, bytes, bases[random.Next(bases.Length)], random),
                < 15 => new($"{i:0000}-magic-random{MagicExtension(i)}", MagicThenRandom(i, random)),
                15 => new($"{i:0000}-billion-laughs.docx", BillionLaughs.Value),
                16 => new($"{i:0000}-nested-html.html", NestedHtml(10_000 + random.Next(90_000))),
                17 => new($"{i:0000}-invalid-encoding{ext}.html", InvalidEncoding(random)),
                18 => new($"{i:0000}-encrypted-bitflip.pdf", File.Exists(encrypted) ? BitFlips(File.ReadAllBytes(encrypted), random) : MagicThenRandom(0, random)),
                _ => i % 40 == 19 ? new($"{i:0000}-zip-bomb.docx", ZipBomb.Value) : new($"{i:0000}-gigantic-table.html", GiganticTable(random)),
            };
        }
    }

    private static byte[] BitFlips(byte[] bytes, Random random) => Mutations.BitFlips(bytes, random);

    private static HostileInput Splice(int i, string name, byte[] head, (string Name, byte[] Bytes) tail, Random random)
    {
        var cut = random.Next(head.Length);
        var from = random.Next(tail.Bytes.Length);
        return new($"{i:0000}-splice-{name}+{tail.Name}{Path.GetExtension(name)}", [.. head.AsSpan(0, cut), .. tail.Bytes.AsSpan(from)]);
    }

    private static string MagicExtension(int i) => (i / 20 % 3) switch { 0 => ".pdf", 1 => ".docx", _ => ".html" };

    private static byte[] MagicThenRandom(int i, Random random)
    {
        var magic = MagicExtension(i) switch { ".pdf" => "%PDF-1.7\n"u8.ToArray(), ".docx" => "PK\u0003\u0004"u8.ToArray(), _ => "<!DOCTYPE html><html><body>"u8.ToArray() };
        var noise = new byte[random.Next(1, 64 * 1024)];
        random.NextBytes(noise);
        return [.. magic, .. noise];
    }

    private static byte[] BillionLaughsDocx()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var level = 1; level <= 9; level++) xml.Append($"<!ENTITY lol{level} \"{string.Concat(Enumerable.Repeat($"&lol{(level == 1 ? "" : level - 1)};", 10))}\">");
        xml.Append("]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>");
        return Docx(Encoding.UTF8.GetBytes(xml.ToString()));
    }

    /// <summary>A document.xml of 200 MB of one repeated run: a few hundred KB compressed.</summary>
    private static byte[] ZipBombDocx()
    {
        var run = Encoding.UTF8.GetBytes("<w:p><w:r><w:t>政府信息公开工作年度报告</w:t></w:r></w:p>");
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            entry.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"u8);
            for (long written = 0; written < 200L * 1024 * 1024; written += run.Length) entry.Write(run);
            entry.Write("</w:body></w:document>"u8);
        }
        return stream.ToArray();
    }

    private static byte[] Docx(byte[] documentXml)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = zip.CreateEntry("[Content_Types].xml").Open())
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"u8);
            using var document = zip.CreateEntry("word/document.xml").Open();
            document.Write(documentXml);
        }
        return stream.ToArray();
    }

    private static byte[] NestedHtml(int depth) =>
        Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>" + string.Concat(Enumerable.Repeat("<div><table><tr><td>", depth / 3)) + "2023年政府信息公开工作年度报告</body></html>");

    private static byte[] InvalidEncoding(Random random)
    {
        var noise = new byte[random.Next(1, 32 * 1024)];
        random.NextBytes(noise);
        return [.. "<html><head><meta charset=\"gbk\"><title>年度报告</title></head><body><table><tr><td>"u8.ToArray(), .. noise, .. "</td></tr></table></body></html>"u8.ToArray()];
    }

    private static byte[] GiganticTable(Random random)
    {
        var html = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>2023年政府信息公开工作年度报告</title></head><body><table>");
        for (var row = 0; row < 20_000 + random.Next(20_000); row++) html.Append("<tr><td>行政许可</td><td>").Append(row).Append("</td><td>0</td><td>1</td></tr>");
        return Encoding.UTF8.GetBytes(html.Append("</table></body></html>").ToString());
    }
}
