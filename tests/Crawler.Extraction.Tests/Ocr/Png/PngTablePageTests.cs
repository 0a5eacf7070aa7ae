using System.Buffers.Binary;
using Crawler.Extraction.Ocr;
using Crawler.Extraction.Processes;
using Crawler.Extraction.Tests.Pdf;
using Crawler.Reports.Documents;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Crawler.Extraction.Tests.Ocr.Png;

/// <summary>
/// A table page published as a PNG (page 2 of scanned fixture 004, rendered by the real pdftoppm at 150 dpi)
/// through <see cref="OcrExtractor"/> and the real tesseract: decoded, read cell by cell at the PNG's own
/// resolution, and compared with the gold figures.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PngTablePageTests(ITestOutputHelper output) : IDisposable
{
    private const string Stem = "004_c578ef021bbe04ee";
    private readonly RenderedPage pages = new();

    /// <param name="stampedDpi">A pHYs resolution written over pdftoppm's 150 (0: keep it); 72 is what screen tools write whatever the picture.</param>
    [Theory]
    [InlineData(0)]
    [InlineData(72)]
    public async Task A_png_of_a_table_page_is_read_cell_by_cell_and_holds_the_gold_figures(int stampedDpi)
    {
        var png = await pages.RenderAsync(RenderedPage.Scan(Stem), 2, 150, "-png");
        if (stampedDpi > 0)
        {
            // pdftoppm writes pHYs right after IHDR: its two pixels-per-metre fields start at byte 41.
            Assert.Equal("pHYs"u8.ToArray(), png[37..41]);
            var perMetre = (uint)Math.Round(stampedDpi / 0.0254);
            BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(41), perMetre);
            BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(45), perMetre);
        }
        var extractor = new OcrExtractor(new ProcessRunner(), Options.Create(new OcrOptions()));

        var result = await extractor.ExtractAsync(new SourceDocument(png, "table.png"), DocumentFormat.Image, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(DocumentFormat.Image, result.Format);
        var document = result.Document!;
        output.WriteLine(FigureRows.Dump(document));
        foreach (var finding in result.Findings) output.WriteLine(finding.Message);
        var rows = ScannedPdfTests.FigureRowsInOrder(document);
        int cells = 0, exact = 0, matched = 0;
        foreach (var (label, values) in GoldFigures.Applications(Stem))
        {
            if (ScannedPdfTests.BestRow(rows, label) is not { } row) continue;
            matched++;
            for (var i = 0; i < values.Length; i++)
            {
                cells++;
                var cell = row[row.Length - 7 + i];
                var read = cell is null || cell.IsBlank ? null : cell.Text;
                if (read == values[i]) exact++;
                else output.WriteLine($"{label}[{i}]: gold {values[i] ?? "空"}, read {read ?? "空"}");
            }
        }
        output.WriteLine($"{matched} gold rows found, {exact}/{cells} cells exact");
        // Measured: the grid path finds 19 of table 3's rows on this page, every figure exact.
        Assert.True(matched >= 15, $"only {matched} gold rows of table 3 found on the page");
        Assert.Equal(cells, exact);
        // The grid path: merged cells keep their spans (本年度办理结果 down the rows of its results).
        var tallest = document.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).MaxBy(c => c.RowSpan)!;
        output.WriteLine($"tallest cell: {tallest.Text} spans {tallest.RowSpan} rows");
        Assert.Contains("办理结果", tallest.Text);
        Assert.True(tallest.RowSpan >= 10, $"{tallest.Text} spans {tallest.RowSpan} rows");
    }

    [Fact]
    public async Task A_jpeg_of_the_same_page_keeps_the_page_level_path()
    {
        var jpeg = await pages.RenderAsync(RenderedPage.Scan(Stem), 2, 150, "-jpeg");
        var extractor = new OcrExtractor(new ProcessRunner(), Options.Create(new OcrOptions()));

        var result = await extractor.ExtractAsync(new SourceDocument(jpeg, "table.jpg"), DocumentFormat.Image, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var rows = ScannedPdfTests.FigureRowsInOrder(result.Document!);
        var matched = GoldFigures.Applications(Stem).Count(g => ScannedPdfTests.BestRow(rows, g.Label) is not null);
        output.WriteLine($"{matched} gold rows found");
        Assert.True(matched >= 5, $"only {matched} gold rows of table 3 found on the page");
        // Measured: word positions give no cell spanning rows (the grid path's 本年度办理结果 spans 16).
        Assert.DoesNotContain(result.Document!.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells), c => c.RowSpan > 1);
    }

    [Fact]
    public async Task A_truncated_png_is_declined_by_the_decoder_and_fails_page_level_with_its_name()
    {
        var png = await pages.RenderAsync(RenderedPage.Scan(Stem), 2, 100, "-png");
        var extractor = new OcrExtractor(new ProcessRunner(), Options.Create(new OcrOptions()));

        var result = await extractor.ExtractAsync(new SourceDocument(png.AsMemory(0, png.Length / 2), "table.png"), DocumentFormat.Image, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(DocumentFormat.Image, result.Format);
        Assert.Contains("table.png", result.Error);
        Assert.Contains("第 1 页 OCR 失败", result.Error);
    }

    public void Dispose() => pages.Dispose();
}
