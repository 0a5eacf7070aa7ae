namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// Where the ink of a cell is: the bounding box of its dark blobs (8-connected) big enough to be part of a
/// character — scan speckle is a few pixels, the dot of a decimal point ~10 at 200 dpi, a stroke far more.
/// A cell with no such blob was left empty (a null figure, not a zero). Thin blobs along the cell's edge,
/// or as long as a quarter inch, are what is left of a ruling beside the mask (a ragged or bleeding line),
/// not text: kept, they made "3. 其他" a three-line block that read as nothing.
/// </summary>
internal static class CellInk
{
    public static CellBox? Find(GrayImage page, CellBox cell, int inset, int minimumBlob, int dpi, byte darkBelow = 150)
    {
        var (left, top, right, bottom) = (cell.Left + inset, cell.Top + inset, cell.Right - inset, cell.Bottom - inset);
        if (right - left < 2 || bottom - top < 2) return null;
        var w = right - left;
        var seen = new bool[w * (bottom - top)];
        var stack = new Stack<(int X, int Y)>();
        int inkLeft = int.MaxValue, inkTop = int.MaxValue, inkRight = -1, inkBottom = -1;
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                if (seen[((y - top) * w) + x - left] || page[x, y] >= darkBelow) continue;
                int bl = x, bt = y, br = x, bb = y, size = 0;
                seen[((y - top) * w) + x - left] = true;
                stack.Push((x, y));
                while (stack.Count > 0)
                {
                    var (px, py) = stack.Pop();
                    size++;
                    (bl, br, bt, bb) = (Math.Min(bl, px), Math.Max(br, px), Math.Min(bt, py), Math.Max(bb, py));
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var (nx, ny) = (px + dx, py + dy);
                            if (nx < left || ny < top || nx >= right || ny >= bottom) continue;
                            var k = ((ny - top) * w) + nx - left;
                            if (seen[k] || page[nx, ny] >= darkBelow) continue;
                            seen[k] = true;
                            stack.Push((nx, ny));
                        }
                    }
                }
                if (size < minimumBlob || IsRulingRemnant(bl, bt, br, bb, left, top, right, bottom, dpi)) continue;
                (inkLeft, inkTop, inkRight, inkBottom) = (Math.Min(inkLeft, bl), Math.Min(inkTop, bt), Math.Max(inkRight, br), Math.Max(inkBottom, bb));
            }
        }
        return inkRight < 0 ? null : new CellBox(inkLeft, inkTop, inkRight + 1, inkBottom + 1);
    }

    private static bool IsRulingRemnant(int bl, int bt, int br, int bb, int left, int top, int right, int bottom, int dpi)
    {
        var thin = Math.Max(2, dpi / 40);
        var (w, h) = (br - bl + 1, bb - bt + 1);
        var alongTopOrBottom = (bt <= top + 1 || bb >= bottom - 2) && h <= thin;
        var alongSide = (bl <= left + 1 || br >= right - 2) && w <= thin;
        var longLine = (h <= thin && w >= dpi / 4) || (w <= thin && h >= dpi / 4);
        return alongTopOrBottom || alongSide || longLine;
    }
}
