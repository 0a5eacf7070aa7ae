using Crawler.Extraction.Ocr.Grid;
using Crawler.Extraction.Ocr.Png;

namespace Crawler.Extraction.Tests.Ocr.Png;

/// <summary>
/// The PNG decoder against the real pdftoppm (whose PNGs are 8-bit RGB even with <c>-gray</c> or <c>-mono</c>)
/// and against PNGs of every other layout written by <see cref="TestPng"/> from a real rendered page.
/// </summary>
public sealed class PngDecoderTests : IDisposable
{
    private const string Stem = "004_c578ef021bbe04ee";
    private readonly RenderedPage pages = new();

    [Fact]
    public async Task An_rgb_png_from_pdftoppm_matches_its_grey_rendering_and_carries_its_resolution()
    {
        var pdf = RenderedPage.Scan(Stem);
        var png = await pages.RenderAsync(pdf, 2, 100, "-png");
        Assert.Equal(2, png[25]);
        var grey = await pages.GreyAsync(pdf, 2, 100);

        var decoded = PngDecoder.TryDecode(png);

        Assert.NotNull(decoded);
        Assert.Equal(100, decoded.Dpi);
        Assert.Equal((grey.Width, grey.Height), (decoded.Image.Width, decoded.Image.Height));
        var worst = grey.Pixels.Zip(decoded.Image.Pixels, (a, b) => Math.Abs(a - b)).Max();
        Assert.InRange(worst, 0, 2);
        // A page, not a blank: the comparison above covers ink.
        Assert.True(grey.Pixels.Count(p => p < 128) > 1000);
    }

    [Fact]
    public async Task A_grey_png_under_every_filter_decodes_to_the_same_pixels_as_the_pgm()
    {
        var grey = await pages.GreyAsync(RenderedPage.Scan(Stem), 2, 75);
        var rows = Rows(grey, (v, _) => [v]);
        foreach (var filter in new int?[] { 0, 1, 2, 3, 4, null })
        {
            var decoded = PngDecoder.TryDecode(TestPng.Encode(grey.Width, grey.Height, 8, 0, rows, filter));
            Assert.NotNull(decoded);
            Assert.Equal(grey.Pixels, decoded.Image.Pixels);
        }
    }

    [Fact]
    public async Task A_16_bit_grey_png_keeps_the_high_byte_and_a_grey_alpha_png_is_laid_on_white()
    {
        var grey = await pages.GreyAsync(RenderedPage.Scan(Stem), 2, 50);
        var sixteen = PngDecoder.TryDecode(TestPng.Encode(grey.Width, grey.Height, 16, 0, Rows(grey, (v, x) => [v, (byte)(x * 37)]), filter: null));
        Assert.NotNull(sixteen);
        Assert.Equal(grey.Pixels, sixteen.Image.Pixels);

        // Alpha 0 is white whatever the grey; alpha 255 is the grey; half alpha is half way to white.
        byte[] alphas = [0, 255, 128];
        var withAlpha = PngDecoder.TryDecode(TestPng.Encode(grey.Width, grey.Height, 8, 4, Rows(grey, (v, x) => [v, alphas[x % 3]]), filter: 4));
        Assert.NotNull(withAlpha);
        for (var i = 0; i < grey.Pixels.Length; i++)
        {
            var expected = (i % grey.Width % 3) switch { 0 => 255, 1 => grey.Pixels[i], _ => ((grey.Pixels[i] * 128) + (255 * 127) + 127) / 255 };
            Assert.Equal(expected, withAlpha.Image.Pixels[i]);
        }
    }

    [Fact]
    public async Task An_interlaced_png_is_put_back_together_from_its_seven_passes()
    {
        var grey = await pages.GreyAsync(RenderedPage.Scan(Stem), 2, 50);
        var decoded = PngDecoder.TryDecode(TestPng.EncodeInterlaced(grey.Width, grey.Height, 8, 0, (x, y) => [grey[x, y]]));
        Assert.NotNull(decoded);
        Assert.Equal(grey.Pixels, decoded.Image.Pixels);

        // Images smaller than the 8 × 8 pattern leave passes empty; 16-bit RGB takes every sample's high byte.
        foreach (var (width, height) in new[] { (1, 1), (3, 2), (5, 9) })
        {
            var tiny = PngDecoder.TryDecode(TestPng.EncodeInterlaced(width, height, 16, 2, (x, y) => [(byte)(x * 40), 7, (byte)(x * 40), 9, (byte)(x * 40), 1]));
            Assert.NotNull(tiny);
            Assert.Equal(Enumerable.Range(0, width * height).Select(i => (byte)(i % width * 40)), tiny.Image.Pixels);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task A_grey_png_of_fewer_than_8_bits_scales_its_levels_to_0_255(int depth)
    {
        var grey = await pages.GreyAsync(RenderedPage.Scan(Stem), 2, 50);
        var levels = (1 << depth) - 1;
        var rows = Enumerable.Range(0, grey.Height).Select(y =>
        {
            var row = new byte[((grey.Width * depth) + 7) / 8];
            for (var x = 0; x < grey.Width; x++) row[x * depth / 8] |= (byte)(grey[x, y] * levels / 255 << (8 - depth - (x * depth % 8)));
            return row;
        }).ToArray();

        var decoded = PngDecoder.TryDecode(TestPng.Encode(grey.Width, grey.Height, depth, 0, rows, filter: null));

        Assert.NotNull(decoded);
        var expected = grey.Pixels.Select(v => (byte)(v * levels / 255 * 255 / levels)).ToArray();
        Assert.Equal(expected, decoded.Image.Pixels);
        // Ink and paper, not one flat level.
        Assert.True(decoded.Image.Pixels.Distinct().Count() >= 2);
    }

    [Fact]
    public void A_palette_png_of_2_bits_with_transparency_maps_each_index_through_the_palette()
    {
        // Index 0 black, 1 pure red, 2 white, 3 black but fully transparent (white on paper).
        byte[] palette = [0, 0, 0, 255, 0, 0, 255, 255, 255, 0, 0, 0];
        byte[] transparency = [255, 255, 255, 0];
        // Five pixels a row at 2 bits: 0,1,2,3 in the first byte, then index (y % 4) in the top bits of the second.
        var rows = Enumerable.Range(0, 4).Select(y => new byte[] { 0b00_01_10_11, (byte)(y << 6) }).ToArray();

        var decoded = PngDecoder.TryDecode(TestPng.Encode(5, 4, 2, 3, rows, filter: null, palette, transparency));

        Assert.NotNull(decoded);
        byte red = (30 * 255 + 50) / 100;
        byte[] firstFour = [0, red, 255, 255];
        for (var y = 0; y < 4; y++)
        {
            Assert.Equal(firstFour, decoded.Image.Pixels.AsSpan(y * 5, 4).ToArray());
            Assert.Equal(firstFour[y], decoded.Image.Pixels[(y * 5) + 4]);
        }
    }

    [Fact]
    public void An_rgba_png_is_converted_with_poppler_luminance_and_laid_on_white()
    {
        byte[] row = [10, 200, 40, 255, 10, 200, 40, 0, 90, 90, 90, 255, 0, 0, 0, 64];
        var decoded = PngDecoder.TryDecode(TestPng.Encode(4, 2, 8, 6, [row, row], filter: 1));
        Assert.NotNull(decoded);
        byte luma = ((30 * 10) + (59 * 200) + (11 * 40) + 50) / 100;
        byte[] expected = [luma, 255, 90, (byte)(((255 * 191) + 127) / 255)];
        Assert.Equal([.. expected, .. expected], decoded.Image.Pixels);
    }

    [Theory]
    [InlineData(1654, null, 200)]
    [InlineData(400, null, 100)]
    [InlineData(9000, null, 400)]
    [InlineData(1654, 11811, 300)]
    [InlineData(1654, 100, 200)]
    [InlineData(1654, 2835, 200)]
    [InlineData(1654, 3780, 200)]
    public void The_resolution_comes_from_phys_else_or_for_72_and_96_dpi_from_an_a4_width(int width, int? pixelsPerMetre, int dpi)
    {
        var rows = Enumerable.Range(0, 2).Select(_ => new byte[width]).ToArray();
        var decoded = PngDecoder.TryDecode(TestPng.Encode(width, 2, 8, 0, rows, pixelsPerMetre: pixelsPerMetre));
        Assert.NotNull(decoded);
        Assert.Equal(dpi, decoded.Dpi);
    }

    public void Dispose() => pages.Dispose();

    internal static byte[][] Rows(GrayImage image, Func<byte, int, byte[]> samples) =>
        Enumerable.Range(0, image.Height)
            .Select(y => Enumerable.Range(0, image.Width).SelectMany(x => samples(image[x, y], x)).ToArray())
            .ToArray();
}
