using System.Text;

namespace Crawler.Extraction.Pdf;

/// <summary>
/// The reader protocol on the reader process's stdin/stdout. A request is the limits and the PDF's bytes; a
/// reply is either the error text or every page's letters and rulings. Little-endian, length-prefixed.
/// </summary>
internal static class PdfContentWire
{
    /// <summary>Larger than any PDF the facade lets through (Extraction:MaxDocumentBytes), so a garbled length is caught.</summary>
    private const int MaxRequestBytes = 1024 * 1024 * 1024;

    public static void WriteRequest(Stream stream, byte[] pdf, PdfReadLimits limits)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(limits.MaxPages);
        writer.Write(limits.MaxGlyphs);
        writer.Write(limits.MaxPathSegments);
        writer.Write(limits.MemoryBytes);
        writer.Write(pdf.Length);
        writer.Write(pdf);
        writer.Flush();
    }

    /// <summary>Null at the end of the input (the worker closed the pipe).</summary>
    public static (byte[] Pdf, PdfReadLimits Limits)? ReadRequest(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        int maxPages;
        try
        {
            maxPages = reader.ReadInt32();
        }
        catch (EndOfStreamException)
        {
            return null;
        }
        var limits = new PdfReadLimits(maxPages, reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
        var length = reader.ReadInt32();
        if (length < 0 || length > MaxRequestBytes) throw new InvalidDataException($"request length {length}");
        var pdf = reader.ReadBytes(length);
        if (pdf.Length != length) throw new EndOfStreamException();
        return (pdf, limits);
    }

    public static void WriteReply(Stream stream, PdfReadOutcome outcome)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(outcome.Pages is not null);
        if (outcome.Pages is null)
        {
            writer.Write(outcome.Error ?? "");
            writer.Flush();
            return;
        }
        writer.Write(outcome.Pages.Count);
        foreach (var page in outcome.Pages)
        {
            writer.Write(page.Number);
            writer.Write(page.Width);
            writer.Write(page.Height);
            writer.Write(page.Glyphs.Count);
            foreach (var g in page.Glyphs)
            {
                writer.Write(g.Text);
                writer.Write(g.Left);
                writer.Write(g.Top);
                writer.Write(g.Right);
                writer.Write(g.Bottom);
                writer.Write(g.Size);
            }
            writer.Write(page.Rulings.Count);
            foreach (var r in page.Rulings)
            {
                writer.Write(r.Horizontal);
                writer.Write(r.At);
                writer.Write(r.From);
                writer.Write(r.To);
            }
        }
        writer.Flush();
    }

    public static PdfReadOutcome ReadReply(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (!reader.ReadBoolean()) return new PdfReadOutcome(null, reader.ReadString());
        var pages = new List<PdfPageContent>(Count(reader));
        for (var p = pages.Capacity; p > 0; p--)
        {
            var (number, width, height) = (reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble());
            var glyphs = new List<PdfGlyph>(Count(reader));
            for (var i = glyphs.Capacity; i > 0; i--)
                glyphs.Add(new PdfGlyph(reader.ReadString(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble()));
            var rulings = new List<PdfRuling>(Count(reader));
            for (var i = rulings.Capacity; i > 0; i--)
                rulings.Add(new PdfRuling(reader.ReadBoolean(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble()));
            pages.Add(new PdfPageContent(number, width, height, glyphs, rulings));
        }
        return new PdfReadOutcome(pages, null);
    }

    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > 50_000_000) throw new InvalidDataException($"count {count}");
        return count;
    }
}
