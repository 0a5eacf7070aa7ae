using System.Diagnostics;
using Crawler.Extraction.Ocr;
using Crawler.Extraction.Pdf;
using Crawler.Extraction.Processes;
using Crawler.Extraction.Tests.Pdf;
using Crawler.Reports.Documents;
using Crawler.Reports.Model;
using Crawler.Tests.Shared;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Crawler.Extraction.Tests.Ocr;

/// <summary>
/// The scanned fixtures (rasterised at 150 dpi, rotated 0.5–1°, noisy, no text layer) through the real
/// pdftoppm and tesseract. Only the table pages are read (about 2 s a page).
/// </summary>
[Trait("Category", "Slow")]
public sealed class ScannedPdfTests(ITestOutputHelper output)
{
    /// <summary>
    /// Measured on 000 and 004 with the cell-by-cell reading: 350/350 (see docs/extraction-pdf.md); the
    /// issue's goal is 99%.
    /// </summary>
    private const double AccuracyFloor = 0.99;

    [Fact]
    public async Task Table_3_figures_from_scans_reach_the_measured_accuracy_floor_and_carry_confidence()
    {
        int cells = 0, exact = 0, wrongUnflagged = 0;
        foreach (var stem in new[] { "000_79386d8b7b396ab1", "004_c578ef021bbe04ee" })
        {
            var (first, last) = TablePages(stem);
            var extractor = new PdfExtractor(new ProcessRunner(), Options.Create(new PdfOptions()),
                Options.Create(new OcrOptions { FirstPage = first, MaxPages = last - first + 1, EraseRulings = Enum.Parse<RulingErasure>(Environment.GetEnvironmentVariable("OCR_ERASE") ?? "Horizontal") }));
            var clock = Stopwatch.StartNew();
            var result = await extractor.ExtractAsync(SourceDocument.FromFile(Fixture(stem)), DocumentFormat.Pdf, CancellationToken.None);
            output.WriteLine($"{stem}: OCR of pages {first}-{last} took {clock.Elapsed.TotalSeconds:0.0} s ({clock.Elapsed.TotalSeconds / (last - first + 1):0.0} s/page)");
            Assert.True(result.Succeeded, result.Error);
            Assert.All(result.Findings, f => Assert.Equal(FindingCodes.LowConfidence, f.Code));
            var rows = FigureRowsInOrder(result.Document!);
            var gold = GoldFigures.Applications(stem).ToList();
            output.WriteLine($"  {rows.Count} rows with figures read, {gold.Count} expected");
            for (var r = 0; r < gold.Count; r++)
            {
                var (label, values) = gold[r];
                // Rows are matched by position when the count is right (OCR garbles some labels), else by label.
                var row = BestRow(rows, label);
                for (var i = 0; i < values.Length; i++)
                {
                    cells++;
                    var cell = row?[row.Length - 7 + i];
                    var read = cell is null || cell.IsBlank ? null : cell.Text;
                    if (read == values[i]) { exact++; continue; }
                    var flagged = cell?.Confidence is { } c && c < 0.80;
                    if (!flagged) wrongUnflagged++;
                    output.WriteLine($"  {label}[{i}]: gold {values[i] ?? "空"}, read {read ?? "空"} (confidence {cell?.Confidence:0.00}, {(flagged ? "flagged" : "NOT flagged")})");
                }
            }
            foreach (var finding in result.Findings.Take(3)) output.WriteLine("  " + finding.Message);
        }
        var accuracy = (double)exact / cells;
        output.WriteLine($"table 3: {exact}/{cells} cells exact = {accuracy:P2}; wrong and not flagged: {wrongUnflagged}");
        Assert.True(accuracy >= AccuracyFloor, $"accuracy {accuracy:P2} below the measured floor {AccuracyFloor:P0}");
    }

    [Fact]
    public async Task A_scan_is_recognised_as_having_no_text_layer_and_its_figures_carry_confidence()
    {
        var stem = "004_c578ef021bbe04ee";
        var (first, _) = TablePages(stem);
        var extractor = new PdfExtractor(new ProcessRunner(), Options.Create(new PdfOptions()),
            Options.Create(new OcrOptions { FirstPage = first, MaxPages = 1 }));
        var result = await extractor.ExtractAsync(SourceDocument.FromFile(Fixture(stem)), DocumentFormat.Pdf, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        var figures = result.Document!.Tables.SelectMany(t => t.ToGrid()).SelectMany(r => r).Where(c => c is not null && c.Text.All(char.IsDigit) && c.Text.Length > 0).ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, c => Assert.InRange(c!.Confidence ?? -1, 0.0, 1.0));
        // One LOW_CONFIDENCE finding per figure read below 0.80, naming the page and the cell.
        // Cells read cell by cell: a finding per doubtful cell that is not a label (a figure, or ink read as nothing).
        var doubtful = result.Document!.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells)
            .Where(c => c.Confidence < 0.80 && !c.Text.Any(ch => ch is >= '\u3400' and <= '\u9FFF')).ToList();
        Assert.Equal(doubtful.Count, result.Findings.Count);
        Assert.All(result.Findings, f =>
        {
            Assert.Equal(FindingCodes.LowConfidence, f.Code);
            Assert.Equal(FindingSeverity.Warning, f.Severity);
            Assert.Equal("ocr", f.Where);
            Assert.Contains($"第 {first} 页", f.Message);
        });
    }

    [Fact]
    public async Task A_scanned_page_without_ruled_tables_is_read_whole_by_the_page_level_path()
    {
        // Seed 000's first page is prose only: the cell reader declines it and the page-level pass reads it.
        var extractor = new PdfExtractor(new ProcessRunner(), Options.Create(new PdfOptions()), Options.Create(new OcrOptions { FirstPage = 1, MaxPages = 1 }));
        var result = await extractor.ExtractAsync(SourceDocument.FromFile(Fixture("000_79386d8b7b396ab1")), DocumentFormat.Pdf, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        var text = string.Concat(result.Document!.Paragraphs.Select(p => p.Text)).Replace(" ", "");
        Assert.Contains("聊城市商务局", text);
        Assert.Contains("总体情况", text);
        Assert.DoesNotContain("@@GRID", text);
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains("单元格", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_image_of_a_table_page_is_read_by_the_image_extractor()
    {
        var stem = "004_c578ef021bbe04ee";
        var (first, _) = TablePages(stem);
        var folder = Directory.CreateTempSubdirectory("ocr-image-");
        try
        {
            var prefix = Path.Combine(folder.FullName, "page");
            var raster = await new ProcessRunner().RunAsync(new ProcessRequest("pdftoppm",
                ["-r", "200", "-gray", "-png", "-f", first.ToString(), "-l", first.ToString(), Fixture(stem), prefix]), CancellationToken.None);
            Assert.True(raster.Succeeded, raster.Failure);
            var image = Directory.GetFiles(folder.FullName, "*.png").Single();
            var extractor = new OcrExtractor(new ProcessRunner(), Options.Create(new OcrOptions()));
            var result = await extractor.ExtractAsync(SourceDocument.FromFile(image), DocumentFormat.Image, CancellationToken.None);
            Assert.True(result.Succeeded, result.Error);
            Assert.Equal(DocumentFormat.Image, result.Format);
            var rows = FigureRowsInOrder(result.Document!);
            Assert.True(rows.Count >= 5, $"only {rows.Count} rows with figures");
            Assert.Contains(rows, r => r.TakeLast(7).All(c => c?.Text == "0"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Fixture(string stem) => Path.Combine(RepositoryPaths.Fixtures, "formats", stem, "report-scanned.pdf");

    /// <summary>The pages holding table 3, found in the text PDF of the same seed (same layout).</summary>
    internal static (int First, int Last) TablePages(string stem)
    {
        var text = File.ReadAllBytes(Path.Combine(RepositoryPaths.Fixtures, "formats", stem, "report.pdf"));
        var pages = RunPdfToText(text);
        var first = pages.FindIndex(p => p.Contains("本年新收")) + 1;
        var last = pages.FindIndex(p => p.Contains("结转下年度继续办理")) + 1;
        return (first, last);
    }

    private static List<string> RunPdfToText(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, pdf);
            var run = new ProcessRunner().RunAsync(new ProcessRequest("pdftotext", ["-enc", "UTF-8", path, "-"]), CancellationToken.None).GetAwaiter().GetResult();
            return System.Text.Encoding.UTF8.GetString(run.StandardOutput).Split('\f').Select(p => p.Replace(" ", "")).ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>OCR misreads some label characters: the row whose label shares most characters with the gold label.</summary>
    /// <summary>Rows of table 3 (seven figure columns) in printed order, across the tables of every page.</summary>
    internal static List<TableCell?[]> FigureRowsInOrder(ReportDocument document)
    {
        static int Figures(TableCell?[] row) => row.TakeLast(7).Count(c => c is not null && c.Text.Length > 0 && c.Text.All(char.IsDigit));
        return document.Tables.Select(t => t.ToGrid())
            .Where(g => g.All(r => r.Count(c => c is not null && c.Text.Length > 0 && c.Text.All(char.IsDigit)) < 10))
            .SelectMany(g => g).Where(r => r.Length >= 8 && Figures(r) >= 4).ToList();
    }

    internal static TableCell?[]? BestRow(List<TableCell?[]> rows, string label)
    {
        var wanted = FigureRows.Normalise(label);
        TableCell?[]? best = null;
        var bestScore = 0.7;
        foreach (var row in rows)
        {
            var own = FigureRows.Normalise(string.Concat(row.SkipLast(7).Distinct().Select(c => c?.Text ?? "")));
            if (own.Length == 0) continue;
            var score = (double)wanted.Count(own.Contains) / wanted.Length;
            if (score > bestScore) (best, bestScore) = (row, score);
        }
        return best;
    }
}
