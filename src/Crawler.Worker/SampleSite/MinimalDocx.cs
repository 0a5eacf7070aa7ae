using System.IO.Compression;
using System.Security;
using System.Text;

namespace Crawler.Worker.SampleSite;

/// <summary>
/// Writes a small but valid WordprocessingML document (the parts Word and LibreOffice require): paragraphs, and
/// tab-separated lines as table rows. Enough for the sample site's "report only as an attachment" page.
/// </summary>
internal static class MinimalDocx
{
    private const string ContentTypes = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";
    private const string Relationships = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    public static byte[] Create(IEnumerable<string> lines)
    {
        var body = new StringBuilder();
        var inTable = false;
        foreach (var line in lines)
        {
            if (line.Contains('\t'))
            {
                if (!inTable) body.Append("<w:tbl><w:tblPr><w:tblBorders><w:top w:val=\"single\"/><w:left w:val=\"single\"/><w:bottom w:val=\"single\"/><w:right w:val=\"single\"/><w:insideH w:val=\"single\"/><w:insideV w:val=\"single\"/></w:tblBorders></w:tblPr>");
                inTable = true;
                body.Append("<w:tr>");
                foreach (var cell in line.Split('\t')) body.Append("<w:tc>").Append(Paragraph(cell.Trim())).Append("</w:tc>");
                body.Append("</w:tr>");
                continue;
            }
            if (inTable) body.Append("</w:tbl>");
            inTable = false;
            var text = line.Trim().TrimStart('#').Replace("**", "", StringComparison.Ordinal).Trim();
            if (text.Length > 0 && text != "---") body.Append(Paragraph(text));
        }
        if (inTable) body.Append("</w:tbl>");
        var document = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>""";

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", ContentTypes);
            Add(zip, "_rels/.rels", Relationships);
            Add(zip, "word/document.xml", document);
        }
        return buffer.ToArray();
    }

    private static string Paragraph(string text) => $"<w:p><w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r></w:p>";

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2024, 1, 30, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
