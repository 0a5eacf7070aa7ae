using Crawler.Extraction.Pdf;
using Crawler.Extraction.Ocr;
using Crawler.Extraction.Processes;
using Crawler.Extraction.Tests.Fixtures;
using Crawler.Reports.Json;
using Crawler.Reports.Model;
using Crawler.Reports.Parsing;
using Crawler.Reports.Validation;
using Crawler.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Crawler.Extraction.Tests.Ocr;

/// <summary>
/// Issue 3's guarantee for scans: every figure OCR gets wrong is named by a LOW_CONFIDENCE finding on its
/// row (read below the confidence threshold, part of a broken 勾稽关系, or not read at all), and at least
/// 99% of the cells are exact. Each figure cell read below the threshold also gets its own finding from
/// the extractor (page, row label, column header, text read). Every seed's
/// scanned PDF goes through the real facade (pdftoppm + tesseract) and the real parser; only the pages
/// holding tables 2–4 are OCR'd, to keep the run bounded.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ScannedReportSuspectCellTests(ITestOutputHelper output)
{
    public static TheoryData<string> Seeds => new(GoldFigures.Seeds);

    [Theory]
    [MemberData(nameof(Seeds))]
    public Task Every_wrong_figure_of_a_scanned_report_is_named_by_a_low_confidence_finding(string seed) =>
        // Measured 200/200 on every seed with the cell-by-cell reading (docs/extraction-pdf.md); the issue asks 99%.
        Check(seed, Path.Combine(GoldFigures.FormatsFolder(seed), "report-scanned.pdf"), Path.Combine(RepositoryPaths.Gold, seed + ".json"), 0.99);

    /// <summary>
    /// A scan the OCR was never tuned on (tests/fixtures/generator/holdout): seed 002's prose with varied
    /// one- to four-digit figures instead of the seeds' zeros. Measured 199/200: the 11 of 属于行政查询事项 reads
    /// as 1, named by its low confidence and by the row total it breaks (before the doubtful-letter re-read,
    /// chi_sim took it for 了 and the whole row was lost: 193/200, all named).
    /// </summary>
    [Fact]
    public Task A_held_out_scan_with_varied_figures_keeps_every_wrong_cell_flagged()
    {
        var folder = Path.Combine(RepositoryPaths.Fixtures, "formats", "holdout-varied");
        return Check("holdout", Path.Combine(folder, "report-scanned.pdf"), Path.Combine(folder, "expected.json"), 0.99);
    }

    private async Task Check(string seed, string path, string goldPath, double floor)
    {
        var extraction = new DocumentExtraction(
            [new PdfExtractor(new ProcessRunner(), Options.Create(new PdfOptions()), Options.Create(new OcrOptions { ReadFiguresTwice = Environment.GetEnvironmentVariable("OCR_FIGURES_ONCE") is null }))],
            TestOptions.With(o => o with { DocumentTimeout = TimeSpan.FromMinutes(10) }), NullLogger<DocumentExtraction>.Instance);
        var extracted = await extraction.ExtractAsync(SourceDocument.FromFile(path), CancellationToken.None);
        Assert.True(extracted.Succeeded, extracted.Error);
        var confident = extracted.Document!.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Count(c => c.Confidence is not null);
        output.WriteLine($"{seed}: {extracted.Document.Tables.Count()} tables, {confident} cells with an OCR confidence");

        var parsed = new ReportParser().Parse(extracted.Document!);
        var gold = ReportJson.Deserialize(File.ReadAllText(goldPath)).Report;
        var suspectRows = parsed.Findings.Where(f => f.Code == FindingCodes.LowConfidence).Select(f => f.Where).ToHashSet();
        int cells = 0, exact = 0;
        var unflagged = new List<string>();
        foreach (var (goldTable, readTable) in Pairs(gold, parsed.Report))
        {
            foreach (var row in goldTable.Definition.Rows)
            {
                foreach (var cell in row.Cells)
                {
                    cells++;
                    var expected = goldTable[row.Key, cell.Key];
                    var read = readTable[row.Key, cell.Key];
                    if (expected == read) { exact++; continue; }
                    var where = $"{goldTable.Key}.{row.Key}";
                    var flagged = suspectRows.Contains(where);
                    output.WriteLine($"  {where}.{cell.Key}: gold {expected?.ToString() ?? "空"}, read {read?.ToString() ?? "空"} {(flagged ? "flagged" : "NOT FLAGGED")}");
                    if (!flagged) unflagged.Add($"{where}.{cell.Key}");
                }
            }
        }
        output.WriteLine($"{seed}: {exact}/{cells} cells exact = {(double)exact / cells:P1}; {suspectRows.Count} rows flagged");
        foreach (var finding in parsed.Findings.Where(f => f.Code == FindingCodes.LowConfidence).Take(4)) output.WriteLine("  " + finding.Message);
        Assert.Empty(unflagged);
        Assert.True(exact >= cells * floor, $"only {exact}/{cells} cells exact, below {floor:P0}");
        // The extractor's own findings name single cells: one per figure cell read below the threshold.
        var doubtfulCells = extracted.Document.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells)
            .Count(c => c.Confidence < OcrSuspectCells.DefaultThreshold && !c.Text.Any(ch => ch is >= '\u3400' and <= '\u9FFF'));
        Assert.Equal(doubtfulCells, extracted.Findings.Count(f => f.Code == FindingCodes.LowConfidence && f.Message.Contains("单元格识别为", StringComparison.Ordinal)));
    }

    private static IEnumerable<(FigureTable Gold, FigureTable Read)> Pairs(AnnualReport gold, AnnualReport read) =>
    [
        (gold.ActiveDisclosure, read.ActiveDisclosure),
        (gold.Applications, read.Applications),
        (gold.ReviewAndLitigation, read.ReviewAndLitigation),
    ];
}
