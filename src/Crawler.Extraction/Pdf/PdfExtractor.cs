using Crawler.Extraction.Layout;
using Crawler.Extraction.Ocr;
using Crawler.Extraction.Processes;
using Microsoft.Extensions.Options;

namespace Crawler.Extraction.Pdf;

/// <summary>
/// Text PDFs through PdfPig (letters, their boxes and the page's rulings, read in a bounded reader process):
/// ruled tables cell by cell from their rulings, the rest through the shared <see cref="TableRebuilder"/>
/// (<see cref="TextPdfDocument"/>). A PDF without a usable text layer (a scan) goes to OCR. Bad input (empty,
/// not a PDF, encrypted, truncated, malformed, hostile) gives a failure naming the document, never an exception.
/// </summary>
public sealed class PdfExtractor(ProcessRunner runner, IOptions<PdfOptions> options, IOptions<OcrOptions>? ocrOptions = null) : IDocumentExtractor, IDisposable
{
    private readonly PdfOptions settings = options.Value;
    private readonly OcrEngine ocr = new(runner, ocrOptions?.Value ?? new OcrOptions());
    private readonly PdfReaderPool readers = new(options.Value);

    public bool CanExtract(DocumentFormat format) => format == DocumentFormat.Pdf;

    public async Task<ExtractionResult> ExtractAsync(SourceDocument document, DocumentFormat format, CancellationToken cancellationToken)
    {
        var problem = PdfBytes.Check(document.Content.Span);
        if (problem is not null) return ExtractionResult.Failure(DocumentFormat.Pdf, $"{document.Name}：{problem}");
        var read = await readers.ReadAsync(document.Content.ToArray(), cancellationToken).ConfigureAwait(false);
        if (read.Pages is not { } pages) return ExtractionResult.Failure(DocumentFormat.Pdf, $"{document.Name}：{read.Error}");
        if (pages.Count == 0) return ExtractionResult.Failure(DocumentFormat.Pdf, $"{document.Name}：PDF 中没有可读的页面（文件可能已截断或损坏）");

        var cjk = pages.Sum(p => p.Glyphs.Sum(g => LayoutText.CountCjkLetters(g.Text)));
        if (cjk < settings.MinCjkCharactersPerPage * pages.Count)
        {
            using var file = await TemporaryFile.WriteAsync(document.Content, ".pdf", cancellationToken).ConfigureAwait(false);
            return await ocr.ReadPdfAsync(file.Path, document.Name, cancellationToken).ConfigureAwait(false);
        }
        return ExtractionResult.Success(DocumentFormat.Pdf, TextPdfDocument.Build(pages) with { Origin = document.Name });
    }

    public void Dispose() => readers.Dispose();
}
