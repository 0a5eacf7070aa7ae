using System.Globalization;
using System.IO.Compression;
using System.Xml;
using UglyToad.PdfPig;

namespace Crawler.Extraction.DocumentProperties;

/// <summary>
/// The creation date a document's own properties carry: a PDF's /CreationDate (document information
/// dictionary, opened by PdfPig, its date string read by <see cref="PdfDateString"/>) or a DOCX's docProps/core.xml dcterms:created. Null when the format has none,
/// the value is missing or unreadable, or the file is damaged: a date is evidence, never a reason to fail.
/// </summary>
public static class DocumentCreationDate
{
    /// <summary>core.xml is a few hundred bytes; anything much larger is not a real one.</summary>
    private const long MaxCorePropertiesBytes = 1 << 20;

    public static DateTimeOffset? Read(ReadOnlyMemory<byte> content, DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => FromPdf(content),
        DocumentFormat.Docx => FromDocx(content),
        _ => null,
    };

    private static DateTimeOffset? FromPdf(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var document = PdfDocument.Open(content.ToArray());
            // PdfPig's own reading refuses producers' variants (D:20261122073924Z' from LibreOffice): read the raw string.
            return PdfDateString.Parse(document.Information.CreationDate);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Encrypted, damaged or not a PDF at all (PdfPig throws typed exceptions, and others on hostile input):
            // the extractor reports the document's own problem; here there is just no date.
            return null;
        }
    }

    private static DateTimeOffset? FromDocx(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new Sniffing.ReadOnlyMemoryStream(content), ZipArchiveMode.Read);
            var entry = zip.GetEntry("docProps/core.xml");
            if (entry is null || entry.Length > MaxCorePropertiesBytes) return null;
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "created" && reader.NamespaceURI == "http://purl.org/dc/terms/")
                {
                    return DateTimeOffset.TryParse(reader.ReadElementContentAsString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
                        ? created
                        : null;
                }
            }
            return null;
        }
        catch (Exception exception) when (exception is InvalidDataException or XmlException or IOException)
        {
            return null;
        }
    }
}
