using Crawler.Extraction.Ocr;
using Crawler.Extraction.Ocr.Grid;
using Crawler.Extraction.Processes;

namespace Crawler.Extraction.Tests.Ocr.Grid;

/// <summary>Pages the cell-by-cell reader must decline (the page-level path reads them), without starting tesseract.</summary>
public sealed class GridPageReaderTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("grid-page-");

    // A tesseract that does not exist: a page that got as far as OCR would fail loudly instead of passing.
    private readonly GridPageReader reader = new(new ProcessRunner(), new OcrOptions { TesseractPath = "/nonexistent/tesseract" });

    public void Dispose() => folder.Delete(recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task A_page_without_rulings_an_all_black_page_and_a_blank_page_are_declined()
    {
        var prose = new SyntheticScan(600, 400);
        for (var line = 0; line < 6; line++)
            for (var ch = 0; ch < 15; ch++) prose.Mark(40 + (ch * 33), 40 + (line * 45), 66 + (ch * 33), 68 + (line * 45));
        Assert.Null(await reader.ReadAsync(Write("page-1.pgm", prose.Render(0.9).ToPgm()), 1, CancellationToken.None));
        Assert.Null(await reader.ReadAsync(Write("page-2.pgm", new GrayImage(600, 400, new byte[600 * 400]).ToPgm()), 2, CancellationToken.None));
        Assert.Null(await reader.ReadAsync(Write("page-3.pgm", new GrayImage(600, 400, Enumerable.Repeat((byte)255, 600 * 400).ToArray()).ToPgm()), 3, CancellationToken.None));
    }

    [Fact]
    public async Task A_huge_a_truncated_or_a_foreign_image_is_declined_without_reading_it_whole()
    {
        Assert.Null(await reader.ReadAsync(Write("page-1.pgm", "P5\n100000 100000\n255\n"u8.ToArray()), 1, CancellationToken.None));
        Assert.Null(await reader.ReadAsync(Write("page-2.pgm", [.. "P5\n600 400\n255\n"u8, .. new byte[1000]]), 2, CancellationToken.None));
        Assert.Null(await reader.ReadAsync(Write("page-3.pgm", "\x89PNG\r\n\x1a\n"u8.ToArray()), 3, CancellationToken.None));
        Assert.Null(GrayImage.TryRead("P5\n-3 7\n255\n"u8.ToArray()));
    }

    [Fact]
    public async Task A_ruled_table_is_read_cell_by_cell_and_cells_without_ink_are_empty_not_zero()
    {
        var real = new GridPageReader(new ProcessRunner(), new OcrOptions());
        var table = new SyntheticScan(900, 600).Grid([100, 300, 500, 800], [100, 160, 220, 280]).Mark(380, 180, 420, 184).Mark(560, 250, 562, 252);
        var path = Write("page-4.pgm", table.Render(0.6).ToPgm());
        var page = await real.ReadAsync(path, 4, CancellationToken.None);

        Assert.NotNull(page);
        var placed = Assert.Single(page.Tables);
        Assert.Equal((3, 3), (placed.Grid.Rows, placed.Grid.Columns));
        // One cell has a dash in it (whatever tesseract makes of it, it is read, with a confidence); the
        // others hold nothing or only a speck, so they are empty cells without a confidence.
        var inked = Assert.Single(placed.Readings);
        Assert.Equal((1, 1), (inked.Key.Row, inked.Key.Column));
        Assert.InRange(inked.Value.Confidence, 0.0, 1.0);
        var prose = GrayImage.TryRead(File.ReadAllBytes(path))!;
        Assert.Equal((900, 600), (prose.Width, prose.Height));
        var tableRegion = Enumerable.Range(110, 160).SelectMany(y => Enumerable.Range(110, 680).Select(x => prose[x, y]));
        Assert.All(tableRegion, p => Assert.Equal(255, p));
        Assert.Empty(Directory.GetDirectories(folder.FullName));
    }
}
