using System.Text;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>An 8-bit grey raster (0 = black), read from and written as binary PGM (P5), which pdftoppm -gray writes.</summary>
internal sealed class GrayImage
{
    /// <summary>A 200 dpi A4 page is ~4 megapixels, A1 ~31; the cell finder needs ~6 bytes per pixel.</summary>
    public const long MaxPixels = 40_000_000;

    public GrayImage(int width, int height, byte[] pixels)
    {
        if (width <= 0 || height <= 0 || pixels.Length != (long)width * height) throw new ArgumentException($"image {width}×{height} does not match {pixels.Length} pixels");
        (Width, Height, Pixels) = (width, height, pixels);
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public byte this[int x, int y] => Pixels[(y * Width) + x];

    /// <summary>The image in a PGM file, or null when it is not a complete binary PGM or is implausibly large.</summary>
    public static GrayImage? TryRead(byte[] bytes)
    {
        if (!RulingEraser.TryHeader(bytes, out var width, out var height, out var offset)) return null;
        var count = (long)width * height;
        if (width <= 0 || height <= 0 || count > MaxPixels || bytes.Length < offset + count) return null;
        var pixels = new byte[count];
        Array.Copy(bytes, offset, pixels, 0, count);
        return new GrayImage(width, height, pixels);
    }

    public byte[] ToPgm()
    {
        var header = Encoding.ASCII.GetBytes($"P5\n{Width} {Height}\n255\n");
        var bytes = new byte[header.Length + Pixels.Length];
        header.CopyTo(bytes, 0);
        Pixels.CopyTo(bytes, header.Length);
        return bytes;
    }

    /// <summary>The rectangle [left, right) × [top, bottom), clipped to the image, with a white margin around it.</summary>
    public GrayImage Crop(int left, int top, int right, int bottom, int margin = 0)
    {
        (left, top) = (Math.Clamp(left, 0, Width), Math.Clamp(top, 0, Height));
        (right, bottom) = (Math.Clamp(right, left, Width), Math.Clamp(bottom, top, Height));
        var (w, h) = (right - left + (2 * margin), bottom - top + (2 * margin));
        var pixels = new byte[Math.Max(1, w) * Math.Max(1, h)];
        Array.Fill(pixels, (byte)255);
        for (var y = top; y < bottom; y++) Array.Copy(Pixels, (y * Width) + left, pixels, ((y - top + margin) * w) + margin, right - left);
        return new GrayImage(Math.Max(1, w), Math.Max(1, h), pixels);
    }

    /// <summary>Paints the rectangle white (a table region before the page's prose is read).</summary>
    public void Whiten(int left, int top, int right, int bottom)
    {
        (left, top) = (Math.Clamp(left, 0, Width), Math.Clamp(top, 0, Height));
        (right, bottom) = (Math.Clamp(right, left, Width), Math.Clamp(bottom, top, Height));
        for (var y = top; y < bottom; y++) Array.Fill(Pixels, (byte)255, (y * Width) + left, right - left);
    }
}
