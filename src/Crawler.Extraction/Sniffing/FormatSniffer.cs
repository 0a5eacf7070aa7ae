using System.Text;

namespace Crawler.Extraction.Sniffing;

/// <summary>
/// Decides what a document's bytes are. The bytes decide first (magic numbers, zip entry names, OLE
/// stream names, leading markup); the Content-Type and then the name's extension only choose between
/// formats the bytes allow (HTML or plain text for text, DOC or WPS for an OLE file). A binary file
/// whose bytes match no known format stays <see cref="DocumentFormat.Unknown"/> whatever its name says:
/// servers label error pages "application/pdf" and agencies rename files.
/// </summary>
public static class FormatSniffer
{
    private const int TextProbeBytes = 64 * 1024;

    public static DocumentFormat Sniff(SourceDocument document)
    {
        var bytes = document.Content.Span;
        if (bytes.IsEmpty) return DocumentFormat.Unknown;
        var hint = FormatHints.From(document);

        var magic = SniffMagic(bytes, hint);
        if (magic != DocumentFormat.Unknown) return magic;

        var probe = bytes[..Math.Min(bytes.Length, TextProbeBytes)];
        if (LooksLikeMarkup(probe)) return DocumentFormat.Html;
        if (StartsWithUtf16Bom(bytes) || Charsets.LooksLikeText(probe, isPrefix: probe.Length < bytes.Length))
        {
            return hint.Html ? DocumentFormat.Html : DocumentFormat.PlainText;
        }
        return DocumentFormat.Unknown;
    }

    private static DocumentFormat SniffMagic(ReadOnlySpan<byte> bytes, FormatHints hint)
    {
        if (bytes.Length >= 5 && bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0) return DocumentFormat.Pdf;
        if (bytes.StartsWith("PK\x03\x04"u8)) return SniffZip(bytes);
        if (bytes.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })) return SniffOle(bytes, hint);
        if (IsImage(bytes)) return DocumentFormat.Image;
        return DocumentFormat.Unknown;
    }

    private static DocumentFormat SniffZip(ReadOnlySpan<byte> bytes)
    {
        // Entry names sit in plain ASCII in every local header, so even a truncated DOCX (no central
        // directory) is recognised and reaches the DOCX extractor, which then says it is truncated.
        if (bytes.IndexOf("word/document.xml"u8) >= 0) return DocumentFormat.Docx;
        if (bytes.IndexOf("xl/workbook.xml"u8) >= 0) return DocumentFormat.Xls;
        return DocumentFormat.Unknown;
    }

    private static DocumentFormat SniffOle(ReadOnlySpan<byte> bytes, FormatHints hint)
    {
        // Stream names are UTF-16LE in the compound file's directory sectors.
        if (bytes.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0) return hint.Wps ? DocumentFormat.Wps : DocumentFormat.Doc;
        if (bytes.IndexOf(Encoding.Unicode.GetBytes("WpsContent")) >= 0) return DocumentFormat.Wps;
        if (bytes.IndexOf(Encoding.Unicode.GetBytes("Workbook")) >= 0 || bytes.IndexOf(Encoding.Unicode.GetBytes("Book")) >= 0)
            return DocumentFormat.Xls;
        // An OLE file whose directory we cannot read: the name decides between the two formats LibreOffice opens.
        if (hint.Wps) return DocumentFormat.Wps;
        if (hint.Doc) return DocumentFormat.Doc;
        return DocumentFormat.Unknown;
    }

    private static bool IsImage(ReadOnlySpan<byte> b) =>
        b.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })
        || b.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })
        || b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)
        || b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)
        || (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        || IsBmp(b);

    private static bool IsBmp(ReadOnlySpan<byte> b) =>
        b.Length >= 14 && b.StartsWith("BM"u8)
        && BitConverter.ToUInt32(b[2..6]) == (uint)b.Length
        && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0;

    private static bool StartsWithUtf16Bom(ReadOnlySpan<byte> b) =>
        b.StartsWith(new byte[] { 0xFF, 0xFE }) || b.StartsWith(new byte[] { 0xFE, 0xFF });

    private static readonly string[] MarkupStarts =
        ["<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<table", "<div", "<p>", "<p ", "<!--", "<?xml", "<link", "<script", "<style"];

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> probe)
    {
        var start = probe.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? 3 : 0;
        while (start < probe.Length && probe[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        var head = Encoding.Latin1.GetString(probe[start..Math.Min(probe.Length, start + 1024)]).ToLowerInvariant();
        if (!head.StartsWith('<')) return false;
        if (head.StartsWith("<?xml") || head.StartsWith("<!--")) return head.Contains("<html") || head.Contains("<!doctype html");
        return MarkupStarts.Any(head.StartsWith);
    }
}
