namespace Crawler.Extraction;

/// <summary>What a document's bytes are, decided by <see cref="Sniffing.FormatSniffer"/>.</summary>
public enum DocumentFormat
{
    Unknown,
    PlainText,
    Html,
    Pdf,
    Docx,
    /// <summary>Legacy Word (OLE compound file).</summary>
    Doc,
    /// <summary>Kingsoft WPS (OLE compound file with a WPS stream).</summary>
    Wps,
    Image,
    Xls,
}
