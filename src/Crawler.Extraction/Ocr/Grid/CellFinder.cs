namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// Ruled cells as the connected regions (4-connected) of everything that is not a ruling: text inside a cell
/// does not split it, only rulings do. A region that touches the page's edge is the page around the tables;
/// one too small (a gap where two rulings nearly meet) or not a filled rectangle (the space between two
/// tables closed by stray lines) is no cell.
/// </summary>
internal static class CellFinder
{
    public static List<CellBox> Find(bool[] rulings, int width, int height, int minimumSide)
    {
        var label = new int[rulings.Length];
        var cells = new List<CellBox>();
        var queue = new Queue<int>();
        var next = 0;
        for (var start = 0; start < rulings.Length; start++)
        {
            if (rulings[start] || label[start] != 0) continue;
            next++;
            label[start] = next;
            queue.Enqueue(start);
            int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
            long area = 0;
            var edge = false;
            while (queue.Count > 0)
            {
                var i = queue.Dequeue();
                var (x, y) = (i % width, i / width);
                area++;
                (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
                if (x == 0 || y == 0 || x == width - 1 || y == height - 1) edge = true;
                if (x > 0) Visit(i - 1);
                if (x < width - 1) Visit(i + 1);
                if (y > 0) Visit(i - width);
                if (y < height - 1) Visit(i + width);
            }
            var box = new CellBox(left, top, right + 1, bottom + 1);
            if (!edge && box.Width >= minimumSide && box.Height >= minimumSide && area >= 0.85 * box.Width * box.Height
                && box.Width < width * 0.98 && box.Height < height * 0.9)
            {
                cells.Add(box);
            }
        }
        return cells;

        void Visit(int j)
        {
            if (rulings[j] || label[j] != 0) return;
            label[j] = next;
            queue.Enqueue(j);
        }
    }
}
