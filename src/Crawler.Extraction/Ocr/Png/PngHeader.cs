using System.Buffers.Binary;

namespace Crawler.Extraction.Ocr.Png;

/// <summary>The IHDR chunk of a PNG: size, sample layout and interlacing.</summary>
internal sealed record PngHeader(int Width, int Height, int BitDepth, int ColourType, bool Interlaced)
{
    public const int Grey = 0;
    public const int Rgb = 2;
    public const int Palette = 3;
    public const int GreyAlpha = 4;
    public const int Rgba = 6;

    /// <summary>Samples per pixel.</summary>
    public int Channels => ColourType switch { Rgb => 3, GreyAlpha => 2, Rgba => 4, _ => 1 };

    /// <summary>Bytes of a scanline of the given width, without its filter byte.</summary>
    public int RowBytes(int width) => (int)((((long)width * Channels * BitDepth) + 7) / 8);

    /// <summary>The byte distance to the "left" pixel the filters refer to (at least 1 for sub-byte depths).</summary>
    public int FilterStride => Math.Max(1, Channels * BitDepth / 8);

    /// <summary>The header, or null when the chunk is not 13 bytes, a field is out of range, or the bit depth does not fit the colour type.</summary>
    public static PngHeader? TryRead(ReadOnlySpan<byte> data)
    {
        if (data.Length != 13) return null;
        var width = BinaryPrimitives.ReadUInt32BigEndian(data);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        var (depth, colour) = (data[8], data[9]);
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue) return null;
        if (data[10] != 0 || data[11] != 0 || data[12] > 1) return null;
        var depthFits = colour switch
        {
            Grey => depth is 1 or 2 or 4 or 8 or 16,
            Palette => depth is 1 or 2 or 4 or 8,
            Rgb or GreyAlpha or Rgba => depth is 8 or 16,
            _ => false,
        };
        return depthFits ? new PngHeader((int)width, (int)height, depth, colour, data[12] == 1) : null;
    }
}
