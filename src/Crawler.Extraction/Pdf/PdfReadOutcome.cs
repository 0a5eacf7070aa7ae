using UglyToad.PdfPig.Exceptions;

namespace Crawler.Extraction.Pdf;

/// <summary>A PDF's pages as read, or why they could not be read (in words an archivist can act on).</summary>
internal sealed record PdfReadOutcome(IReadOnlyList<PdfPageContent>? Pages, string? Error)
{
    public static PdfReadOutcome Read(byte[] pdf, PdfReadLimits limits)
    {
        try
        {
            return new PdfReadOutcome(PdfPigReader.Read(pdf, limits), null);
        }
        catch (PdfDocumentEncryptedException)
        {
            return new PdfReadOutcome(null, "PDF 已加密（需要密码），无法提取文字");
        }
        catch (PdfContentLimitException e)
        {
            return new PdfReadOutcome(null, e.Message);
        }
        catch (OutOfMemoryException)
        {
            return new PdfReadOutcome(null, $"读取 PDF 超出内存上限（{limits.MemoryBytes / (1024 * 1024)} MB，Extraction:Pdf:ReaderMemoryBytes），已放弃");
        }
        catch (Exception e)
        {
            // PdfPig signals broken files with its typed exceptions (PdfDocumentFormatException, PdfDocumentStackDepthException,
            // CorruptCompressedDataException…) and, deeper in the parser, with the framework's own: in the reader, each one means a bad file.
            return new PdfReadOutcome(null, $"PDF 已损坏或不完整（可能被截断），无法读取：{e.GetType().Name}：{Shorten(e.Message)}");
        }
    }

    private static string Shorten(string message) => message.Length <= 160 ? message : message[..160] + "…";
}
