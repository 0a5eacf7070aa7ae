using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Crawler.Extraction.Tests.Ocr.Png;

/// <summary>A minimal PNG encoder for the decoder's tests: chunks laid out as the format says, scanlines filtered as asked, deflated with ZLibStream.</summary>
internal static class TestPng
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A PNG of the given raw scanlines (without filter bytes), each filtered with <paramref name="filter"/> (0–4) or cycling through all five when null.</summary>
    public static byte[] Encode(int width, int height, int bitDepth, int colourType, byte[][] rows, int? filter = 0,
        byte[]? palette = null, byte[]? transparency = null, int? pixelsPerMetre = null, int interlace = 0)
    {
        var bytesPerPixel = Math.Max(1, Channels(colourType) * bitDepth / 8);
        var raw = new MemoryStream();
        var above = new byte[rows.Length == 0 ? 0 : rows[0].Length];
        for (var y = 0; y < rows.Length; y++)
        {
            var type = filter ?? (y % 5);
            raw.WriteByte((byte)type);
            raw.Write(Filter(type, rows[y], above, bytesPerPixel));
            above = rows[y];
        }
        return Assemble(Header(width, height, bitDepth, colourType, interlace), Deflate(raw.ToArray()), palette, transparency, pixelsPerMetre);
    }

    /// <summary>An Adam7-interlaced PNG of 8- or 16-bit samples: each pass a small image of its own, its rows filtered in turn with all five filters.</summary>
    public static byte[] EncodeInterlaced(int width, int height, int bitDepth, int colourType, Func<int, int, byte[]> pixel)
    {
        (int Left, int Top, int Across, int Down)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        var bytesPerPixel = Channels(colourType) * bitDepth / 8;
        var raw = new MemoryStream();
        var line = 0;
        foreach (var (left, top, across, down) in passes)
        {
            var passWidth = (width - left + across - 1) / across;
            var passHeight = (height - top + down - 1) / down;
            if (passWidth == 0 || passHeight == 0) continue;
            var above = new byte[passWidth * bytesPerPixel];
            for (var y = 0; y < passHeight; y++)
            {
                var row = Enumerable.Range(0, passWidth).SelectMany(x => pixel(left + (x * across), top + (y * down))).ToArray();
                var type = line++ % 5;
                raw.WriteByte((byte)type);
                raw.Write(Filter(type, row, above, bytesPerPixel));
                above = row;
            }
        }
        return Assemble(Header(width, height, bitDepth, colourType, interlace: 1), Deflate(raw.ToArray()));
    }

    public static byte[] Header(int width, int height, int bitDepth, int colourType, int interlace = 0)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        (ihdr[8], ihdr[9], ihdr[12]) = ((byte)bitDepth, (byte)colourType, (byte)interlace);
        return ihdr;
    }

    public static byte[] Assemble(byte[] ihdr, byte[] idat, byte[]? palette = null, byte[]? transparency = null, int? pixelsPerMetre = null)
    {
        var png = new MemoryStream();
        png.Write(Signature);
        Chunk(png, "IHDR", ihdr);
        if (pixelsPerMetre is { } ppm)
        {
            var phys = new byte[9];
            BinaryPrimitives.WriteUInt32BigEndian(phys, (uint)ppm);
            BinaryPrimitives.WriteUInt32BigEndian(phys.AsSpan(4), (uint)ppm);
            phys[8] = 1;
            Chunk(png, "pHYs", phys);
        }
        if (palette is not null) Chunk(png, "PLTE", palette);
        if (transparency is not null) Chunk(png, "tRNS", transparency);
        // Two IDAT chunks: the decoder must join them.
        var half = idat.Length / 2;
        Chunk(png, "IDAT", idat[..half]);
        Chunk(png, "IDAT", idat[half..]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Deflate(byte[] raw)
    {
        var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(raw);
        return packed.ToArray();
    }

    private static int Channels(int colourType) => colourType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };

    private static byte[] Filter(int type, byte[] row, byte[] above, int bpp)
    {
        var output = new byte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0, up = above[i], upLeft = i >= bpp ? above[i - bpp] : 0;
            var predictor = type switch
            {
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => 0,
            };
            output[i] = (byte)(row[i] - predictor);
        }
        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        png.Write(Encoding.ASCII.GetBytes(type));
        png.Write(data);
        // The decoder does not check CRCs; a zero keeps the layout honest.
        png.Write(new byte[4]);
    }
}
