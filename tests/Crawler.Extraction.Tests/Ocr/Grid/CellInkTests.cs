using Crawler.Extraction.Ocr.Grid;

namespace Crawler.Extraction.Tests.Ocr.Grid;

public sealed class CellInkTests
{
    private static readonly CellBox Cell = new(0, 0, 200, 60);

    private static GrayImage Page(Action<byte[]> draw)
    {
        var pixels = Enumerable.Repeat((byte)250, 200 * 60).ToArray();
        draw(pixels);
        return new GrayImage(200, 60, pixels);
    }

    private static void Fill(byte[] pixels, int left, int top, int right, int bottom)
    {
        for (var y = top; y < bottom; y++)
            for (var x = left; x < right; x++) pixels[(y * 200) + x] = 10;
    }

    [Fact]
    public void A_cell_with_only_speckle_is_empty()
    {
        var page = Page(p =>
        {
            Fill(p, 30, 20, 32, 22);
            Fill(p, 120, 40, 123, 42);
            Fill(p, 170, 10, 171, 13);
        });
        Assert.Null(CellInk.Find(page, Cell, 4, 12, 200));
    }

    [Fact]
    public void A_lone_zero_is_ink_and_its_box_is_the_digits()
    {
        // A "0" 12 × 20 px as a ring of 2 px strokes: ~110 dark pixels.
        var page = Page(p =>
        {
            Fill(p, 94, 20, 106, 22);
            Fill(p, 94, 38, 106, 40);
            Fill(p, 94, 20, 96, 40);
            Fill(p, 104, 20, 106, 40);
            Fill(p, 20, 50, 22, 52);
        });
        Assert.Equal(new CellBox(94, 20, 106, 40), CellInk.Find(page, Cell, 4, 12, 200));
    }

    [Fact]
    public void What_is_left_of_a_ruling_along_the_cell_edge_is_not_ink()
    {
        var page = Page(p =>
        {
            Fill(p, 4, 4, 196, 6);      // the top ruling's ragged edge
            Fill(p, 193, 8, 196, 56);   // the right ruling's, apart from it
        });
        Assert.Null(CellInk.Find(page, Cell, 4, 12, 200));
    }
}
