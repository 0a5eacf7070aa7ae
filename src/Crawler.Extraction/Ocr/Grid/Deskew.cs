namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// A scan's rotation (the fixtures: up to ~1.5°) found from its own ink: sheared by the right angle, the
/// rows of dark pixels of long rulings and text lines fall into few bands, so the horizontal projection
/// profile is sharpest (largest sum of squares). Coarse steps of 0.1° over ±<see cref="MaxDegrees"/>, then 0.01°.
/// </summary>
internal static class Deskew
{
    public const double MaxDegrees = 2.5;

    /// <summary>The angle in degrees by which the page's horizontal lines descend to the right (0 when it has no ink).</summary>
    public static double EstimateAngle(GrayImage image, byte darkBelow = 140)
    {
        var dark = DarkPixels(image, darkBelow);
        if (dark.Count == 0) return 0;
        var best = Best(dark, image, -MaxDegrees, MaxDegrees, 0.1);
        return Best(dark, image, best - 0.1, best + 0.1, 0.01);
    }

    /// <summary>The image turned so that lines descending by <paramref name="degrees"/> become horizontal (bilinear, white outside).</summary>
    public static GrayImage Straighten(GrayImage image, double degrees)
    {
        if (Math.Abs(degrees) < 0.005) return image;
        var (w, h) = (image.Width, image.Height);
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        var (cx, cy) = (w / 2.0, h / 2.0);
        var output = new byte[image.Pixels.Length];
        for (var y = 0; y < h; y++)
        {
            var dy = y - cy;
            for (var x = 0; x < w; x++)
            {
                var dx = x - cx;
                var sx = cx + (dx * cos) - (dy * sin);
                var sy = cy + (dx * sin) + (dy * cos);
                output[(y * w) + x] = Sample(image, sx, sy);
            }
        }
        return new GrayImage(w, h, output);
    }

    private static byte Sample(GrayImage image, double x, double y)
    {
        var (x0, y0) = ((int)Math.Floor(x), (int)Math.Floor(y));
        if (x0 < 0 || y0 < 0 || x0 + 1 >= image.Width || y0 + 1 >= image.Height) return 255;
        var (fx, fy) = (x - x0, y - y0);
        var top = (image[x0, y0] * (1 - fx)) + (image[x0 + 1, y0] * fx);
        var bottom = (image[x0, y0 + 1] * (1 - fx)) + (image[x0 + 1, y0 + 1] * fx);
        return (byte)Math.Clamp(Math.Round((top * (1 - fy)) + (bottom * fy)), 0, 255);
    }

    private static double Best(List<(int X, int Y)> dark, GrayImage image, double from, double to, double step)
    {
        var (bestAngle, bestScore) = (0.0, double.MinValue);
        var bins = new long[image.Height + image.Width + 2];
        for (var angle = from; angle <= to + (step / 2); angle += step)
        {
            Array.Clear(bins);
            var slope = Math.Tan(angle * Math.PI / 180);
            var offset = image.Width;
            foreach (var (x, y) in dark)
            {
                var bin = (int)Math.Round(y - (x * slope)) + offset;
                if (bin >= 0 && bin < bins.Length) bins[bin]++;
            }
            double score = 0;
            foreach (var b in bins) score += (double)b * b;
            if (score > bestScore) (bestAngle, bestScore) = (angle, score);
        }
        return bestAngle;
    }

    /// <summary>
    /// The dark pixels of horizontal runs longer than any character stroke (the rulings; a 2 px line turned
    /// 1.5° still leaves runs of ~75 px): on a page mostly of prose, the text lines' profile alone had its
    /// sharpest peak at 0° on one fixture page turned 0.7°. A page without such runs uses all its ink.
    /// Thinned to every other row on large pages to bound the work.
    /// </summary>
    private static List<(int X, int Y)> DarkPixels(GrayImage image, byte darkBelow)
    {
        var minimumRun = Math.Max(12, image.Width / 60);
        var step = (long)image.Width * image.Height > 2_000_000 ? 2 : 1;
        var inRuns = new List<(int X, int Y)>();
        var all = new List<(int X, int Y)>();
        for (var y = 0; y < image.Height; y += step)
        {
            var run = 0;
            for (var x = 0; x <= image.Width; x++)
            {
                if (x < image.Width && image[x, y] < darkBelow)
                {
                    run++;
                    if (x % step == 0) all.Add((x, y));
                    continue;
                }
                if (run >= minimumRun)
                {
                    for (var k = x - run; k < x; k++) inRuns.Add((k, y));
                }
                run = 0;
            }
        }
        return inRuns.Count >= 4 * minimumRun ? inRuns : all;
    }
}
