using System.Buffers.Binary;
using Crawler.Extraction.Ocr.Grid;

namespace Crawler.Extraction.Ocr.Png;

/// <summary>
/// Decodes a PNG (a table published as a picture) to the grey raster the cell-by-cell reader takes, because
/// no image library is available here. Every colour type, bit depth and filter, plain or Adam7-interlaced; a
/// truncated or corrupt file, an implausible size or a stream that inflates short or long is declined (null) and the
/// caller falls back to the page-level OCR path, which hands the file to tesseract as it is.
/// </summary>
internal static class PngDecoder
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Scans without a resolution (or with a screen default) are assumed to be an A4 page's width (8.27 in) across.</summary>
    private const double A4WidthInches = 8.27;

    public static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    public static DecodedPng? TryDecode(ReadOnlyMemory<byte> bytes)
    {
        if (!IsPng(bytes.Span)) return null;
        PngHeader? header = null;
        byte[]? palette = null;
        byte[]? paletteAlpha = null;
        int? dpi = null;
        var idat = new List<ReadOnlyMemory<byte>>();
        var position = Signature.Length;
        while (true)
        {
            // Length, type, data, CRC: the chunk must fit in what is left of the file.
            if (bytes.Length - position < 12) return null;
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.Span[position..]);
            if (length > bytes.Length - position - 12) return null;
            var type = bytes.Span.Slice(position + 4, 4);
            var data = bytes.Slice(position + 8, (int)length);
            position += 12 + (int)length;
            if (header is null)
            {
                if (!type.SequenceEqual("IHDR"u8)) return null;
                header = PngHeader.TryRead(data.Span);
                if (header is null || (long)header.Width * header.Height > GrayImage.MaxPixels) return null;
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                if (length % 3 != 0 || length / 3 is 0 or > 256) return null;
                palette = data.ToArray();
            }
            else if (type.SequenceEqual("tRNS"u8) && header.ColourType == PngHeader.Palette)
            {
                paletteAlpha = data.ToArray();
            }
            else if (type.SequenceEqual("pHYs"u8) && length == 9 && data.Span[8] == 1)
            {
                var perMetre = BinaryPrimitives.ReadUInt32BigEndian(data.Span);
                var measured = Math.Round(perMetre * 0.0254);
                // 72 and 96 are what screen tools write whatever the picture shows, not a scanner's measurement:
                // a 150 dpi page PNG stamped 72 was read with no figure right (PngTablePageTests), with the width estimate 133/133.
                if (measured is >= 50 and <= 1200 and not 72 and not 96) dpi = (int)measured;
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Add(data);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
        }
        if (header is null || idat.Count == 0) return null;
        if (header.ColourType == PngHeader.Palette && palette is null) return null;
        var pixels = PngScanlines.TryReadGrey(header, idat, palette, paletteAlpha);
        if (pixels is null) return null;
        return new DecodedPng(new GrayImage(header.Width, header.Height, pixels), dpi ?? Math.Clamp((int)Math.Round(header.Width / A4WidthInches), 100, 400));
    }
}
