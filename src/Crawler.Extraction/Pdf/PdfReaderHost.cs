namespace Crawler.Extraction.Pdf;

/// <summary>
/// The reader process's loop (<c>crawler-pdf-reader</c>): one request at a time from stdin, one reply to stdout,
/// until the worker closes the pipe. A PDF that exhausts the heap cap gets its reply and ends the process (the
/// worker starts a fresh one); a stack overflow or a kill ends it without one, which the worker also reports.
/// </summary>
public static class PdfReaderHost
{
    public const int ExitAfterOutOfMemory = 3;

    public static int Serve(Stream input, Stream output)
    {
        while (PdfContentWire.ReadRequest(input) is { } request)
        {
            var outcome = PdfReadOutcome.Read(request.Pdf, request.Limits);
            PdfContentWire.WriteReply(output, outcome);
            output.Flush();
            if (outcome.Error?.Contains("内存上限", StringComparison.Ordinal) == true) return ExitAfterOutOfMemory;
        }
        return 0;
    }
}
