using Crawler.Extraction.Ocr.Png;
using Crawler.Extraction.Processes;
using Microsoft.Extensions.Options;

namespace Crawler.Extraction.Ocr;

/// <summary>
/// Images of report pages (a table published as a picture, a scan sent as PNG/JPEG/TIFF): OCR'd with
/// tesseract and rebuilt into the format-neutral document. A PNG that decodes goes the way of a scanned PDF
/// page (ruled tables cell by cell at the image's own resolution, the rest page-level); JPEG, TIFF and PNGs
/// the decoder declines are read page-level only. Scanned PDFs reach the same engine through
/// <see cref="Pdf.PdfExtractor"/>.
/// </summary>
public sealed class OcrExtractor(ProcessRunner runner, IOptions<OcrOptions> options) : IDocumentExtractor
{
    private readonly OcrEngine engine = new(runner, options.Value);

    public bool CanExtract(DocumentFormat format) => format == DocumentFormat.Image;

    public async Task<ExtractionResult> ExtractAsync(SourceDocument document, DocumentFormat format, CancellationToken cancellationToken)
    {
        if (document.Content.Length == 0) return ExtractionResult.Failure(DocumentFormat.Image, $"{document.Name}：文件为空（0 字节），不是有效的图像");
        if (PngDecoder.TryDecode(document.Content) is { } png)
        {
            using var page = await TemporaryFile.WriteAsync(png.Image.ToPgm(), ".pgm", cancellationToken).ConfigureAwait(false);
            var atOwnResolution = new OcrEngine(runner, options.Value with { Dpi = png.Dpi });
            return await atOwnResolution.ReadPagesAsync([page.Path], [1], document.Name, DocumentFormat.Image, cancellationToken).ConfigureAwait(false);
        }
        using var file = await TemporaryFile.WriteAsync(document.Content, ".img", cancellationToken).ConfigureAwait(false);
        return await engine.ReadImagesAsync([file.Path], [1], document.Name, DocumentFormat.Image, cancellationToken).ConfigureAwait(false);
    }
}
