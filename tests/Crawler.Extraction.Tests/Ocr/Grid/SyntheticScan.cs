using Crawler.Extraction.Ocr.Grid;

namespace Crawler.Extraction.Tests.Ocr.Grid;

/// <summary>
/// A page drawn in memory like the scanned fixtures: ruled cell outlines (3 px lines, as pdftoppm renders a
/// 1 pt ruling at 200 dpi), dark marks standing in for text, turned by a given angle (lines descending to the right).
/// </summary>
internal sealed class SyntheticScan(int width, int height)
{
    private readonly List<(int Left, int Top, int Right, int Bottom)> cells = [];
    private readonly List<(int Left, int Top, int Right, int Bottom)> marks = [];

    public SyntheticScan Cell(int left, int top, int right, int bottom)
    {
        cells.Add((left, top, right, bottom));
        return this;
    }

    /// <summary>A filled rectangle of ink (a stroke or a character's body).</summary>
    public SyntheticScan Mark(int left, int top, int right, int bottom)
    {
        marks.Add((left, top, right, bottom));
        return this;
    }

    /// <summary>A regular ruled grid: columns at the given x, rows at the given y, every position its own cell.</summary>
    public SyntheticScan Grid(int[] xs, int[] ys)
    {
        for (var r = 0; r + 1 < ys.Length; r++)
            for (var c = 0; c + 1 < xs.Length; c++) Cell(xs[c], ys[r], xs[c + 1], ys[r + 1]);
        return this;
    }

    public GrayImage Render(double degrees = 0, int thickness = 3)
    {
        var pixels = new byte[width * height];
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        var (cx, cy) = (width / 2.0, height / 2.0);
        var half = thickness / 2.0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var u = cx + ((x - cx) * cos) + ((y - cy) * sin);
                var v = cy - ((x - cx) * sin) + ((y - cy) * cos);
                pixels[(y * width) + x] = Inked(u, v, half) ? (byte)20 : (byte)250;
            }
        }
        return new GrayImage(width, height, pixels);
    }

    private bool Inked(double u, double v, double half)
    {
        foreach (var (l, t, r, b) in marks)
            if (u >= l && u < r && v >= t && v < b) return true;
        foreach (var (l, t, r, b) in cells)
        {
            var withinX = u >= l - half && u <= r + half;
            var withinY = v >= t - half && v <= b + half;
            if (withinX && (Math.Abs(v - t) <= half || Math.Abs(v - b) <= half)) return true;
            if (withinY && (Math.Abs(u - l) <= half || Math.Abs(u - r) <= half)) return true;
        }
        return false;
    }
}
