using System.Buffers.Binary;
using Crawler.Extraction.Ocr.Png;

namespace Crawler.Extraction.Tests.Ocr.Png;

/// <summary>Broken and hostile PNGs are declined (null), never an exception or an unbounded allocation.</summary>
public sealed class HostilePngTests
{
    private static readonly byte[][] Rows = Enumerable.Range(0, 12).Select(y => Enumerable.Range(0, 30).Select(x => (byte)((x * 7) + y)).ToArray()).ToArray();
    private static readonly byte[] Valid = TestPng.Encode(30, 12, 8, 0, Rows, filter: null);

    [Fact]
    public void The_valid_png_these_cases_break_decodes()
    {
        Assert.Equal(Rows.SelectMany(r => r), PngDecoder.TryDecode(Valid)!.Image.Pixels);
    }

    [Fact]
    public void Every_truncation_is_declined()
    {
        // Cut before IEND's end: every prefix loses a chunk boundary or image data.
        for (var length = 0; length < Valid.Length; length++) Assert.Null(PngDecoder.TryDecode(Valid.AsMemory(0, length)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 10)]
    [InlineData(100_000, 100_000)]
    [InlineData(8_000, 8_000)]
    public void An_empty_or_implausibly_large_header_is_declined_before_allocating(int width, int height)
    {
        var png = TestPng.Assemble(TestPng.Header(width, height, 8, 6), TestPng.Deflate(new byte[64]));
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Null(PngDecoder.TryDecode(png));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1024 * 1024);
    }

    [Fact]
    public void A_zip_bomb_behind_a_small_header_is_declined_after_reading_only_the_headers_rows()
    {
        // 512 MB of zeros squeezed to ~0.5 MB, behind a 30 × 12 header.
        var bomb = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(bomb, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 512; i++) zlib.Write(zeros);
        }
        var png = TestPng.Assemble(TestPng.Header(30, 12, 8, 0), bomb.ToArray());
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Null(PngDecoder.TryDecode(png));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 8 * 1024 * 1024);
    }

    [Fact]
    public void Unknown_filters_corrupt_streams_and_bad_palettes_are_declined()
    {
        // Plain scanlines behind a header that says Adam7: the passes' bytes do not add up.
        Assert.Null(PngDecoder.TryDecode(TestPng.Encode(30, 12, 8, 0, Rows, interlace: 1)));
        Assert.Null(PngDecoder.TryDecode(TestPng.Encode(30, 12, 8, 0, Rows, filter: 5)));
        Assert.Null(PngDecoder.TryDecode(TestPng.Assemble(TestPng.Header(30, 12, 8, 0), [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00])));
        // A palette image without PLTE, and one whose pixel indexes entry 5 of a 2-entry palette.
        Assert.Null(PngDecoder.TryDecode(TestPng.Encode(2, 1, 8, 3, [[0, 1]])));
        Assert.Null(PngDecoder.TryDecode(TestPng.Encode(2, 1, 8, 3, [[0, 5]], palette: [0, 0, 0, 255, 255, 255])));
        // Bit depths that do not fit the colour type, and a chunk length pointing past the end.
        Assert.Null(PngDecoder.TryDecode(TestPng.Encode(30, 12, 4, 2, Rows)));
        Assert.Null(PngDecoder.TryDecode(TestPng.Encode(2, 1, 16, 3, [[0, 0, 0, 0]], palette: [0, 0, 0])));
        var lying = (byte[])Valid.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(lying.AsSpan(33), uint.MaxValue);
        Assert.Null(PngDecoder.TryDecode(lying));
        Assert.Null(PngDecoder.TryDecode("GIF89a"u8.ToArray()));
    }

    [Fact]
    public void Random_damage_to_a_valid_png_never_throws()
    {
        var random = new Random(20261122);
        for (var trial = 0; trial < 2000; trial++)
        {
            var damaged = (byte[])Valid.Clone();
            for (var hits = random.Next(1, 6); hits > 0; hits--) damaged[random.Next(8, damaged.Length)] = (byte)random.Next(256);
            var decoded = PngDecoder.TryDecode(damaged);
            if (decoded is not null) Assert.Equal(decoded.Image.Width * decoded.Image.Height, decoded.Image.Pixels.Length);
        }
    }
}
