using Crawler.Extraction.Layout;
using Crawler.Extraction.Processes;
using Crawler.Reports.Validation;

namespace Crawler.Extraction.Ocr;

/// <summary>
/// Rasterises with pdftoppm and reads each page with tesseract (<c>--psm 4</c>, which keeps ruled table
/// rows; <c>--psm 6</c> does not), then rebuilds tables like a text PDF. Every figure keeps the lowest
/// confidence of its words; figures below the threshold raise LOW_CONFIDENCE.
/// </summary>
internal sealed class OcrEngine(ProcessRunner runner, OcrOptions options)
{
    private static readonly Dictionary<string, string> SingleThread = new() { ["OMP_THREAD_LIMIT"] = "1" };

    public async Task<ExtractionResult> ReadPdfAsync(string pdfPath, string name, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetDirectoryName(pdfPath)!, "pages");
        Directory.CreateDirectory(folder);
        var last = options.FirstPage + options.MaxPages - 1;
        var raster = await runner.RunAsync(new ProcessRequest(options.PdfToPpmPath,
            ["-r", options.Dpi.ToString(), "-gray", "-f", options.FirstPage.ToString(), "-l", last.ToString(), pdfPath, Path.Combine(folder, "page")])
        {
            Timeout = options.PageTimeout * options.MaxPages,
            MaxOutputBytes = 1024 * 1024,
        }, cancellationToken).ConfigureAwait(false);
        if (!raster.Succeeded) return ExtractionResult.Failure(DocumentFormat.Pdf, $"{name}：扫描件无法转为图像（{raster.Failure}）");
        var images = Directory.GetFiles(folder, "page-*.pgm").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (options.EraseRulings != RulingErasure.None)
        {
            foreach (var image in images) RulingEraser.TryErase(image, options.Dpi, options.EraseRulings == RulingErasure.All);
        }
        if (images.Count == 0) return ExtractionResult.Failure(DocumentFormat.Pdf, $"{name}：PDF 没有可识别的页面");
        var numbers = images.Select(f => int.Parse(Path.GetFileNameWithoutExtension(f)["page-".Length..])).ToList();
        return await ReadImagesAsync(images, numbers, name, DocumentFormat.Pdf, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExtractionResult> ReadImagesAsync(IReadOnlyList<string> images, IReadOnlyList<int> pageNumbers, string name,
        DocumentFormat format, CancellationToken cancellationToken)
    {
        var pages = new List<LayoutPage>();
        for (var i = 0; i < images.Count; i++)
        {
            var run = await runner.RunAsync(new ProcessRequest(options.TesseractPath, [images[i], "-", "--psm", "4", "--dpi", options.Dpi.ToString(), "-l", options.Languages, "tsv"])
            {
                Timeout = options.PageTimeout,
                MaxOutputBytes = 16 * 1024 * 1024,
                Environment = SingleThread,
            }, cancellationToken).ConfigureAwait(false);
            if (!run.Succeeded) return ExtractionResult.Failure(format, $"{name}：第 {pageNumbers[i]} 页 OCR 失败（{run.Failure}）");
            pages.Add(TesseractTsv.Parse(run.StandardOutput, pageNumbers[i]));
        }
        var rebuilt = TableRebuilder.Rebuild(pages, LayoutSettings.Ocr);
        var findings = rebuilt.Figures
            .Where(f => f.Cell.Confidence is { } c && c < options.LowConfidenceThreshold)
            .Select(f => new Finding(FindingCodes.LowConfidence, FindingSeverity.Warning, "ocr",
                $"第 {f.Page} 页“{f.RowLabel}”行的数字“{f.Cell.Text}”为 OCR 识别，置信度 {f.Cell.Confidence:P0}，低于 {options.LowConfidenceThreshold:P0}，请对照原件核对"))
            .ToList();
        return ExtractionResult.Success(format, rebuilt.Document with { Origin = name }) with { Findings = findings };
    }
}
