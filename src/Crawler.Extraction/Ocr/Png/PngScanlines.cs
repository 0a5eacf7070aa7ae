using System.IO.Compression;

namespace Crawler.Extraction.Ocr.Png;

/// <summary>
/// Inflates a PNG's image data one scanline at a time, undoes the scanline filters and flattens each pixel
/// to grey. Memory is the grey raster plus two scanlines whatever the stream holds: a stream that inflates
/// beyond the header's size is declined after one byte more.
/// </summary>
internal static class PngScanlines
{
    /// <summary>Adam7's seven passes: first column and row, then the step across and down.</summary>
    private static readonly (int Left, int Top, int Across, int Down)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    /// <summary>The grey pixels (0 = black), or null when the stream is corrupt, ends early, uses an unknown filter or a palette index beyond the palette, or holds more than the header's rows.</summary>
    public static byte[]? TryReadGrey(PngHeader header, IReadOnlyList<ReadOnlyMemory<byte>> idat, byte[]? palette, byte[]? paletteAlpha)
    {
        var compressed = new MemoryStream();
        foreach (var part in idat) compressed.Write(part.Span);
        compressed.Position = 0;
        var stride = header.FilterStride;
        var filter = new byte[1];
        var grey = new byte[(long)header.Width * header.Height];
        try
        {
            using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
            foreach (var (left, top, across, down) in header.Interlaced ? Adam7 : [(0, 0, 1, 1)])
            {
                // A pass is a small image of its own (filters refer to its own rows); an empty pass has no bytes at all.
                var width = (header.Width - left + across - 1) / across;
                var height = (header.Height - top + down - 1) / down;
                if (width == 0 || height == 0) continue;
                var rowBytes = header.RowBytes(width);
                var previous = new byte[rowBytes];
                var current = new byte[rowBytes];
                var row = new byte[width];
                for (var y = 0; y < height; y++)
                {
                    if (inflater.ReadAtLeast(filter, 1, throwOnEndOfStream: false) < 1) return null;
                    if (inflater.ReadAtLeast(current, rowBytes, throwOnEndOfStream: false) < rowBytes) return null;
                    if (!Unfilter(filter[0], current, previous, stride)) return null;
                    if (!Flatten(header, current, row, palette, paletteAlpha)) return null;
                    var at = ((long)(top + (y * down)) * header.Width) + left;
                    for (var x = 0; x < width; x++) grey[at + ((long)x * across)] = row[x];
                    (previous, current) = (current, previous);
                }
            }
            // More data than the header's rows: not this image (a zip bomb behind a small header stops here).
            if (inflater.ReadAtLeast(filter, 1, throwOnEndOfStream: false) > 0) return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A corrupt stream surfaces as InvalidDataException or, for some damage, as ZLibException (an IOException).
            return null;
        }
        return grey;
    }

    private static bool Unfilter(byte type, byte[] row, byte[] above, int stride)
    {
        switch (type)
        {
            case 0:
                return true;
            case 1:
                for (var i = stride; i < row.Length; i++) row[i] += row[i - stride];
                return true;
            case 2:
                for (var i = 0; i < row.Length; i++) row[i] += above[i];
                return true;
            case 3:
                for (var i = 0; i < row.Length; i++) row[i] += (byte)(((i >= stride ? row[i - stride] : 0) + above[i]) / 2);
                return true;
            case 4:
                for (var i = 0; i < row.Length; i++) row[i] += Paeth(i >= stride ? row[i - stride] : (byte)0, above[i], i >= stride ? above[i - stride] : (byte)0);
                return true;
            default:
                return false;
        }
    }

    private static byte Paeth(byte left, byte up, byte upLeft)
    {
        var p = left + up - upLeft;
        var (pa, pb, pc) = (Math.Abs(p - left), Math.Abs(p - up), Math.Abs(p - upLeft));
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }

    private static bool Flatten(PngHeader header, byte[] row, Span<byte> grey, byte[]? palette, byte[]? paletteAlpha)
    {
        var depth = header.BitDepth;
        // 16-bit samples keep their high byte; the low one is below what OCR can see.
        var step = depth == 16 ? 2 : 1;
        for (var x = 0; x < grey.Length; x++)
        {
            switch (header.ColourType)
            {
                case PngHeader.Grey when depth < 8:
                    grey[x] = (byte)(Packed(row, x, depth) * 255 / ((1 << depth) - 1));
                    break;
                case PngHeader.Grey:
                    grey[x] = row[x * step];
                    break;
                case PngHeader.Palette:
                    var index = depth < 8 ? Packed(row, x, depth) : row[x];
                    if ((index * 3) + 2 >= palette!.Length) return false;
                    var alpha = paletteAlpha is not null && index < paletteAlpha.Length ? paletteAlpha[index] : (byte)255;
                    grey[x] = OnWhite(Luma(palette[index * 3], palette[(index * 3) + 1], palette[(index * 3) + 2]), alpha);
                    break;
                case PngHeader.GreyAlpha:
                    grey[x] = OnWhite(row[x * 2 * step], row[((x * 2) + 1) * step]);
                    break;
                case PngHeader.Rgb:
                    grey[x] = Luma(row[x * 3 * step], row[((x * 3) + 1) * step], row[((x * 3) + 2) * step]);
                    break;
                default:
                    var at = x * 4 * step;
                    grey[x] = OnWhite(Luma(row[at], row[at + step], row[at + (2 * step)]), row[at + (3 * step)]);
                    break;
            }
        }
        return true;
    }

    private static int Packed(byte[] row, int x, int depth)
    {
        var bit = x * depth;
        return (row[bit / 8] >> (8 - depth - (bit % 8))) & ((1 << depth) - 1);
    }

    /// <summary>The luminance poppler uses for grey rendering (0.3, 0.59, 0.11), so a colour PNG matches pdftoppm -gray.</summary>
    private static byte Luma(byte r, byte g, byte b) => (byte)(((30 * r) + (59 * g) + (11 * b) + 50) / 100);

    private static byte OnWhite(byte value, byte alpha) => (byte)(((value * alpha) + (255 * (255 - alpha)) + 127) / 255);
}
