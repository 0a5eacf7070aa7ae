using Crawler.Extraction.Processes;
using Microsoft.Extensions.Options;

namespace Crawler.Extraction.Ocr;

/// <summary>
/// Images of report pages (a table published as a picture, a scan sent as PNG/JPEG/TIFF): OCR'd with
/// tesseract and rebuilt into the format-neutral document. Scanned PDFs reach the same engine through
/// <see cref="Pdf.PdfExtractor"/>.
/// </summary>
public sealed class OcrExtractor(ProcessRunner runner, IOptions<OcrOptions> options) : IDocumentExtractor
{
    private readonly OcrEngine engine = new(runner, options.Value);

    public bool CanExtract(DocumentFormat format) => format == DocumentFormat.Image;

    public async Task<ExtractionResult> ExtractAsync(SourceDocument document, DocumentFormat format, CancellationToken cancellationToken)
    {
        if (document.Content.Length == 0) return ExtractionResult.Failure(DocumentFormat.Image, $"{document.Name}：文件为空（0 字节），不是有效的图像");
        using var file = await TemporaryFile.WriteAsync(document.Content, ".img", cancellationToken).ConfigureAwait(false);
        return await engine.ReadImagesAsync([file.Path], [1], document.Name, DocumentFormat.Image, cancellationToken).ConfigureAwait(false);
    }
}
