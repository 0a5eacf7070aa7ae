using System.IO.Compression;
using System.Text;
using Crawler.Extraction.DocumentProperties;
using Crawler.Tests.Shared;

namespace Crawler.Extraction.Tests.DocumentProperties;

public class DocumentCreationDateTests
{
    private static string Formats => Path.Combine(RepositoryPaths.Fixtures, "formats");

    [Fact]
    public void A_pdf_gives_its_information_dictionary_creation_date()
    {
        // pdfinfo: "CreationDate: Sun Nov 22 07:39:24 2026 UTC"; the file says D:20261122073924Z' (LibreOffice).
        var bytes = File.ReadAllBytes(Path.Combine(Formats, "000_79386d8b7b396ab1", "report.pdf"));

        var created = DocumentCreationDate.Read(bytes, DocumentFormat.Pdf);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 7, 39, 24, TimeSpan.Zero), created);
    }

    [Fact]
    public void A_real_wps_pdf_gives_the_date_pdfinfo_shows()
    {
        if (RepositoryPaths.Shared is not { } shared) return;
        // pdfinfo: "CreationDate: Mon Feb 26 08:00:23 2024 UTC".
        var created = DocumentCreationDate.Read(File.ReadAllBytes(Path.Combine(shared, "real", "hzq2023.pdf")), DocumentFormat.Pdf);
        Assert.Equal(new DateTimeOffset(2024, 2, 26, 8, 0, 23, TimeSpan.Zero), created);
    }

    [Theory]
    [InlineData("empty.pdf")]
    [InlineData("not-a-pdf.pdf")]
    [InlineData("truncated.pdf")]
    [InlineData("random-after-header.pdf")]
    public void A_damaged_pdf_has_no_date_and_does_not_throw(string file) =>
        Assert.Null(DocumentCreationDate.Read(File.ReadAllBytes(Path.Combine(Formats, "bad-pdf", file)), DocumentFormat.Pdf));

    [Fact]
    public void A_docx_gives_dcterms_created_and_one_without_core_properties_gives_none()
    {
        var docx = Docx("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>市商务局</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-01-24T02:15:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-30T08:00:00Z</dcterms:modified></cp:coreProperties>""");

        Assert.Equal(new DateTimeOffset(2024, 1, 24, 2, 15, 0, TimeSpan.Zero), DocumentCreationDate.Read(docx, DocumentFormat.Docx));
        Assert.Null(DocumentCreationDate.Read(File.ReadAllBytes(Path.Combine(Formats, "000_79386d8b7b396ab1", "report.docx")), DocumentFormat.Docx));
        Assert.Null(DocumentCreationDate.Read(Encoding.UTF8.GetBytes("PK\u0003\u0004 not really a zip"), DocumentFormat.Docx));
        Assert.Null(DocumentCreationDate.Read(docx, DocumentFormat.Html));
    }

    private static byte[] Docx(string coreXml)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>");
            using (var writer = new StreamWriter(zip.CreateEntry("docProps/core.xml").Open())) writer.Write(coreXml);
        }
        return buffer.ToArray();
    }
}

public class PdfDateStringTests
{
    [Theory]
    [InlineData("D:20240226144123+06'41'", "2024-02-26T08:00:23+00:00")]   // WPS (hzq2023.pdf), as pdfinfo reads it
    [InlineData("D:20261122073924Z'", "2026-11-22T07:39:24+00:00")]         // LibreOffice
    [InlineData("D:20240125103000-05'00'", "2024-01-25T15:30:00+00:00")]
    [InlineData("D:20240125103000", "2024-01-25T02:30:00+00:00")]           // no offset: Beijing
    [InlineData("D:202401", "2024-01-01T00:00:00+08:00")]
    public void Producers_variants_read_as_pdfinfo_reads_them(string value, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Crawler.Extraction.DocumentProperties.PdfDateString.Parse(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("D:20241340000000Z")]
    [InlineData("D:00000000")]
    public void Nonsense_is_no_date(string? value) => Assert.Null(Crawler.Extraction.DocumentProperties.PdfDateString.Parse(value));
}
