using Crawler.Extraction.Layout;
using Crawler.Extraction.Ocr;
using Crawler.Extraction.Processes;
using Microsoft.Extensions.Options;

namespace Crawler.Extraction.Pdf;

/// <summary>
/// Text PDFs through poppler's <c>pdftotext -tsv</c> and the shared <see cref="TableRebuilder"/>; a PDF
/// without a usable text layer (a scan) goes to OCR. Bad input (empty, not a PDF, encrypted, truncated,
/// malformed) and a hanging tool give a failure naming the document, never an exception.
/// </summary>
public sealed class PdfExtractor(ProcessRunner runner, IOptions<PdfOptions> options, IOptions<OcrOptions>? ocrOptions = null) : IDocumentExtractor
{
    private readonly PdfOptions settings = options.Value;
    private readonly OcrEngine ocr = new(runner, ocrOptions?.Value ?? new OcrOptions());

    public bool CanExtract(DocumentFormat format) => format == DocumentFormat.Pdf;

    public async Task<ExtractionResult> ExtractAsync(SourceDocument document, DocumentFormat format, CancellationToken cancellationToken)
    {
        var problem = PdfBytes.Check(document.Content.Span);
        if (problem is not null) return ExtractionResult.Failure(DocumentFormat.Pdf, $"{document.Name}：{problem}");
        using var file = await TemporaryFile.WriteAsync(document.Content, ".pdf", cancellationToken).ConfigureAwait(false);
        var run = await runner.RunAsync(new ProcessRequest(settings.PdfToTextPath, ["-tsv", "-enc", "UTF-8", file.Path, "-"])
        {
            Timeout = settings.Timeout,
            MaxOutputBytes = settings.MaxOutputBytes,
        }, cancellationToken).ConfigureAwait(false);
        if (!run.Succeeded) return ExtractionResult.Failure(DocumentFormat.Pdf, $"{document.Name}：{PdfBytes.Explain(run)}");

        var pages = PopplerTsv.Parse(run.StandardOutput);
        if (pages.Count == 0) return ExtractionResult.Failure(DocumentFormat.Pdf, $"{document.Name}：PDF 中没有可读的页面（文件可能已截断或损坏）");
        var cjk = pages.Sum(p => p.Words.Sum(w => LayoutText.CountCjkLetters(w.Text)));
        if (cjk < settings.MinCjkCharactersPerPage * pages.Count)
            return await ocr.ReadPdfAsync(file.Path, document.Name, cancellationToken).ConfigureAwait(false);

        var rebuilt = TableRebuilder.Rebuild(pages, LayoutSettings.TextLayer);
        return ExtractionResult.Success(DocumentFormat.Pdf, rebuilt.Document with { Origin = document.Name });
    }
}
