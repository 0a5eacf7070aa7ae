using SniffedFormat = Crawler.Extraction.DocumentFormat;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// The media type a report version is listed with: the sniffed format when known (government servers
/// often send application/octet-stream for PDFs and DOCs), else the server's Content-Type.
/// </summary>
public static class MediaTypes
{
    public static string For(SniffedFormat format, string? contentType) => format switch
    {
        SniffedFormat.Pdf => "application/pdf",
        SniffedFormat.Html => "text/html",
        SniffedFormat.PlainText => "text/plain",
        SniffedFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        SniffedFormat.Doc => "application/msword",
        SniffedFormat.Wps => "application/vnd.ms-works",
        SniffedFormat.Xls => "application/vnd.ms-excel",
        _ => Essence(contentType) ?? "application/octet-stream",
    };

    /// <summary>The type/subtype of a Content-Type header, without parameters, lower case.</summary>
    public static string? Essence(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        var essence = contentType.Split(';', 2)[0].Trim().ToLowerInvariant();
        return essence.Length == 0 ? null : essence;
    }
}
