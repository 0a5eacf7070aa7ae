using Crawler.Extraction.Layout;
using Crawler.Extraction.Ocr.Grid;
using Crawler.Extraction.Processes;
using Crawler.Reports.Documents;
using Crawler.Reports.Model;

namespace Crawler.Extraction.Ocr;

/// <summary>
/// Rasterises with pdftoppm; a page's ruled tables are read cell by cell (<see cref="GridPageReader"/>),
/// the rest of the page with tesseract (<c>--psm 4</c>), and a page without ruled tables is rebuilt from
/// word positions like a text PDF. Every figure keeps the lowest confidence of its words; figures below
/// the threshold raise LOW_CONFIDENCE.
/// </summary>
internal sealed class OcrEngine(ProcessRunner runner, OcrOptions options)
{
    private static readonly Dictionary<string, string> SingleThread = new() { ["OMP_THREAD_LIMIT"] = "1" };
    private readonly GridPageReader grids = new(runner, options);

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
        // pdftoppm refuses a page too large to rasterise (59,568 × 84,192 pt, found by the fuzz corpus:
        // "Bogus memory allocation size") yet exits 0 with a 1 × 1 image: without this the scan would
        // "succeed" with no text at all. No readable page is under a quarter inch.
        if (images.FirstOrDefault(f => !HasPixels(f, options.Dpi / 4)) is { } empty)
        {
            return ExtractionResult.Failure(DocumentFormat.Pdf, $"{name}：第 {PageNumber(empty)} 页无法转为图像（页面过大或已损坏，pdftoppm 未输出像素）");
        }
        if (images.Count == 0) return ExtractionResult.Failure(DocumentFormat.Pdf, $"{name}：PDF 没有可识别的页面");
        return await ReadPagesAsync(images, images.Select(PageNumber).ToList(), name, DocumentFormat.Pdf, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Greyscale PGM pages, whether rasterised from a PDF or decoded from a PNG: each
    /// page's ruled tables are read cell by cell, a page without them gets the figure columns read twice, then
    /// the page-level pass reads what is left.
    /// </summary>
    public async Task<ExtractionResult> ReadPagesAsync(IReadOnlyList<string> images, IReadOnlyList<int> pageNumbers, string name,
        DocumentFormat format, CancellationToken cancellationToken)
    {
        var figureImages = new List<string?>();
        var gridPages = new List<GridPage?>();
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            var grid = options.ReadRuledCells ? await grids.ReadAsync(image, pageNumbers[i], cancellationToken).ConfigureAwait(false) : null;
            gridPages.Add(grid);
            if (grid is not null)
            {
                figureImages.Add(null);
                continue;
            }
            string? copy = null;
            if (options.ReadFiguresTwice)
            {
                copy = Path.Combine(Path.GetDirectoryName(image)!, "figures-" + Path.GetFileName(image));
                File.Copy(image, copy);
                if (!RulingEraser.TryErase(copy, options.Dpi, eraseVertical: true)) copy = null;
            }
            figureImages.Add(copy);
        }
        if (options.EraseRulings != RulingErasure.None)
        {
            foreach (var image in images) RulingEraser.TryErase(image, options.Dpi, options.EraseRulings == RulingErasure.All);
        }
        return await ReadImagesAsync(images, pageNumbers, name, format, cancellationToken, figureImages, gridPages).ConfigureAwait(false);
    }

    private static int PageNumber(string image) => int.Parse(Path.GetFileNameWithoutExtension(image)["page-".Length..]);

    public async Task<ExtractionResult> ReadImagesAsync(IReadOnlyList<string> images, IReadOnlyList<int> pageNumbers, string name,
        DocumentFormat format, CancellationToken cancellationToken, IReadOnlyList<string?>? figureImages = null, IReadOnlyList<GridPage?>? gridPages = null)
    {
        var gridTables = new List<PlacedTable>();
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
            var (words, width, height) = TesseractTsv.ReadWords(run.StandardOutput, pageNumbers[i]);
            if (figureImages?[i] is { } figureImage)
            {
                words = FigurePass.Merge(words, await ReadFiguresAsync(figureImage, words, width, height, pageNumbers[i], cancellationToken).ConfigureAwait(false));
            }
            var page = TesseractTsv.Build(words, pageNumbers[i], width, height);
            if (gridPages?[i] is { } grid) page = WithTableMarkers(page, grid, gridTables);
            pages.Add(page);
        }
        var rebuilt = TableRebuilder.Rebuild(pages, LayoutSettings.Ocr);
        var readByCell = Enumerable.Range(0, images.Count).Where(i => gridPages?[i] is not null).Select(i => pageNumbers[i]).ToHashSet();
        var document = gridTables.Count == 0
            ? rebuilt.Document
            : new ReportDocument(TableMarkers.Replace(ProseTables.Flatten(rebuilt.Document.Blocks, rebuilt.Figures, readByCell), PageBreakJoiner.Join(gridTables, options.Dpi)));
        var findings = (gridPages ?? []).SelectMany(g => g?.Findings ?? []).ToList();
        findings.AddRange(rebuilt.Figures
            .Where(f => !readByCell.Contains(f.Page) && f.Cell.Confidence is { } c && c < options.LowConfidenceThreshold)
            .Select(f => new Finding(FindingCodes.LowConfidence, FindingSeverity.Warning, "ocr",
                $"第 {f.Page} 页“{f.RowLabel}”行的数字“{f.Cell.Text}”为 OCR 识别，置信度 {f.Cell.Confidence:P0}，低于 {options.LowConfidenceThreshold:P0}，请对照原件核对")));
        return ExtractionResult.Success(format, document with { Origin = name }) with { Findings = findings };
    }

    /// <summary>
    /// The page's prose words (read from the straightened page with its tables whitened, so the same pixels
    /// as the tables' bounds) plus one placeholder per table at the table's top.
    /// </summary>
    private static LayoutPage WithTableMarkers(LayoutPage page, GridPage grid, List<PlacedTable> tables)
    {
        var height = page.Words.Count > 0 ? LineGrouper.Median(page.Words.Select(w => w.Height)) : 30;
        var words = page.Words.ToList();
        foreach (var table in grid.Tables)
        {
            words.Add(TableMarkers.Word(page.Number, tables.Count, table.Grid.Bounds, height));
            tables.Add(table);
        }
        return page with { Words = words };
    }

    /// <summary>The figures of the page's figure columns, read digits-only; none when the page has no such columns or tesseract fails (the first pass stands).</summary>
    private async Task<IReadOnlyList<LayoutWord>> ReadFiguresAsync(string image, List<(LayoutWord Word, string Line)> words, double width, double height,
        int page, CancellationToken cancellationToken)
    {
        if (FigurePass.Area(words, width, height) is not { } area) return [];
        var crop = Path.ChangeExtension(image, ".crop.pgm");
        if (!FigurePass.TryCrop(image, crop, area)) return [];
        var run = await runner.RunAsync(new ProcessRequest(options.TesseractPath,
            [crop, "-", "--psm", "6", "--dpi", options.Dpi.ToString(), "-l", "eng", "-c", "tessedit_char_whitelist=0123456789", "tsv"])
        {
            Timeout = options.PageTimeout,
            MaxOutputBytes = 16 * 1024 * 1024,
            Environment = SingleThread,
        }, cancellationToken).ConfigureAwait(false);
        if (!run.Succeeded) return [];
        return TesseractTsv.ReadWords(run.StandardOutput, page).Words
            .Select(x => x.Word with { Left = x.Word.Left + area.Left, Top = x.Word.Top + area.Top })
            .ToList();
    }

    /// <summary>The header and the file's length tell it; the pixels themselves are read once, by the page reader.</summary>
    private static bool HasPixels(string pgm, int minimum)
    {
        using var file = File.OpenRead(pgm);
        var header = new byte[Math.Min(64, file.Length)];
        file.ReadExactly(header);
        return RulingEraser.TryHeader(header, out var width, out var height, out var offset) && width >= minimum && height >= minimum
            && file.Length >= offset + ((long)width * height);
    }
}
