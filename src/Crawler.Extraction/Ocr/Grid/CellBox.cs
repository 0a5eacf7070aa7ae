namespace Crawler.Extraction.Ocr.Grid;

/// <summary>The inside of one ruled cell on a straightened page, in pixels: [Left, Right) × [Top, Bottom).</summary>
internal sealed record CellBox(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left;

    public int Height => Bottom - Top;
}
