namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// The table rulings of a straightened page: dark runs along a row or a column far longer than any stroke
/// of a character (<c>minimumRun</c>), bridging gaps of a couple of light pixels (scan noise on a thin line),
/// then grown by one pixel so that anti-aliased edges and ink touching a ruling do not leak between cells.
/// </summary>
internal static class RulingMask
{
    private const int MaxGap = 2;

    /// <param name="image">The straightened page.</param>
    /// <param name="horizontalRun">Shortest horizontal ruling: longer than "一" bridged to the "、" after it (~40 px at 200 dpi).</param>
    /// <param name="verticalRun">Shortest vertical ruling: taller than a character, shorter than one table row.</param>
    /// <param name="darkBelow">Grey level below which a pixel is ink.</param>
    public static bool[] Build(GrayImage image, int horizontalRun, int verticalRun, byte darkBelow = 160)
    {
        var (w, h) = (image.Width, image.Height);
        var mask = new bool[w * h];
        for (var y = 0; y < h; y++) Mark(image.Pixels, mask, y * w, 1, w, horizontalRun, darkBelow);
        for (var x = 0; x < w; x++) Mark(image.Pixels, mask, x, w, h, verticalRun, darkBelow);
        return Grow(mask, w, h);
    }

    private static void Mark(byte[] pixels, bool[] mask, int start, int step, int count, int minimum, byte darkBelow)
    {
        int runStart = -1, lastDark = -1;
        for (var k = 0; k <= count; k++)
        {
            var dark = k < count && pixels[start + (k * step)] < darkBelow;
            if (dark)
            {
                if (runStart < 0 || k - lastDark > MaxGap + 1) Close(mask, start, step, ref runStart, lastDark, minimum, k);
                lastDark = k;
                continue;
            }
            if (runStart >= 0 && (k - lastDark > MaxGap || k == count)) Close(mask, start, step, ref runStart, lastDark, minimum, -1);
        }
    }

    /// <summary>Marks the run that ended at <paramref name="lastDark"/> when long enough; starts a new one at <paramref name="next"/>.</summary>
    private static void Close(bool[] mask, int start, int step, ref int runStart, int lastDark, int minimum, int next)
    {
        if (runStart >= 0 && lastDark - runStart + 1 >= minimum)
        {
            for (var k = runStart; k <= lastDark; k++) mask[start + (k * step)] = true;
        }
        runStart = next;
    }

    private static bool[] Grow(bool[] mask, int w, int h)
    {
        var grown = new bool[mask.Length];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                if (!mask[(y * w) + x]) continue;
                for (var dy = -1; dy <= 1; dy++)
                {
                    var yy = y + dy;
                    if (yy < 0 || yy >= h) continue;
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var xx = x + dx;
                        if (xx >= 0 && xx < w) grown[(yy * w) + xx] = true;
                    }
                }
            }
        }
        return grown;
    }
}
