using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Crawler.Extraction.Pdf;

/// <summary>A PDF's pages as read, or why they could not be read (in words an archivist can act on).</summary>
internal sealed record PdfReadOutcome(IReadOnlyList<PdfPageContent>? Pages, string? Error)
{
    /// <summary>Peak resident memory of the reader process while it read this PDF (null when read in process).</summary>
    public long? ReaderPeakBytes { get; init; }

    public static PdfReadOutcome Read(byte[] pdf, PdfReadLimits limits)
    {
        try
        {
            using var swallowed = SwallowedFailures.Watch();
            var pages = PdfPigReader.Read(pdf, limits);
            // Lenient parsing catches what it meets inside a page and reads the page as empty: a page whose content
            // exhausted the heap or nested past the parser's depth limit is not an empty page, and must not go to OCR as one.
            if (swallowed.OutOfMemory) throw new OutOfMemoryException();
            if (swallowed.TooDeep is { } deep) throw deep;
            return new PdfReadOutcome(pages, null);
        }
        catch (PdfDocumentEncryptedException)
        {
            return new PdfReadOutcome(null, "PDF 已加密（需要密码），无法提取文字");
        }
        catch (PdfContentLimitException e)
        {
            return new PdfReadOutcome(null, e.Message);
        }
        catch (Exception e) when (e is PdfDocumentStackDepthException or InsufficientExecutionStackException)
        {
            return new PdfReadOutcome(null, $"PDF 的对象嵌套过深，无法读取（{Shorten(e.Message)}），文件已损坏或是恶意构造的");
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

/// <summary>
/// Failures PdfPig raised and caught itself while this thread read a PDF (seen as first-chance exceptions):
/// its lenient parser turns a page that ran out of memory or nested too deep into an empty page.
/// </summary>
internal sealed class SwallowedFailures : IDisposable
{
    [ThreadStatic]
    private static SwallowedFailures? current;

    static SwallowedFailures() => AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
    {
        if (current is not { } watch) return;
        switch (e.Exception)
        {
            case OutOfMemoryException:
                watch.OutOfMemory = true;
                break;
            case PdfDocumentStackDepthException or InsufficientExecutionStackException:
                watch.TooDeep ??= e.Exception;
                break;
        }
    };

    public bool OutOfMemory { get; private set; }

    public Exception? TooDeep { get; private set; }

    public static SwallowedFailures Watch() => current = new SwallowedFailures();

    public void Dispose() => current = null;
}
