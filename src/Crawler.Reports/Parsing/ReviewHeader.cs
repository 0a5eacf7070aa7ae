using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>
/// The grid position of each of table 4's 15 header cells (结果维持 … 总计, three times), from the header
/// lines; complete only when all 15 are printed at distinct positions, left to right.
/// </summary>
internal sealed class ReviewHeader
{
    private readonly int[] _positions;

    private ReviewHeader(int[] positions) => _positions = positions;

    public bool IsComplete => _positions.All(p => p >= 0) && _positions.Zip(_positions.Skip(1)).All(p => p.First < p.Second);

    public int SlotAt(int position) => IsComplete ? Array.IndexOf(_positions, position) : -1;

    public static ReviewHeader Read(IReadOnlyList<GridLine> header)
    {
        var cells = new SortedDictionary<int, string>();
        foreach (var line in header)
        {
            for (var c = 0; c < line.Cells.Length; c++)
            {
                if (line.Cells[c].Kind != CellKind.Label) continue;
                var match = LabelCatalogs.ReviewCells.Match(line.Cells[c].Text, fuzzy: false);
                if (match is not null) cells.TryAdd(c, match.Key);
            }
        }
        var positions = new int[ReportSchema.ReviewCells.Count * ReportSchema.ReviewAndLitigation.Rows.Count];
        Array.Fill(positions, -1);
        var slot = 0;
        foreach (var (position, key) in cells)
        {
            // Walk the expected sequence, skipping cells the printing lost.
            var cell = ReportSchema.ReviewCells.Count;
            for (var s = slot; s < positions.Length && s < slot + cell; s++)
            {
                if (ReportSchema.ReviewCells[s % cell].Key != key) continue;
                positions[s] = position;
                slot = s + 1;
                break;
            }
        }
        return new ReviewHeader(positions);
    }
}
