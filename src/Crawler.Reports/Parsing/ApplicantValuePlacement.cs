using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>Places the values of one table-3 row into the seven applicant columns.</summary>
internal sealed class ApplicantValuePlacement
{
    private readonly ApplicantColumnLayout _layout;
    private readonly Dictionary<int, int> _labelEdge = new();

    public ApplicantValuePlacement(ApplicantColumnLayout layout, IReadOnlyList<GridLine> dataLines)
    {
        _layout = layout;
        // How far right the labels reach on each page: a page whose grid has one more label column
        // has its numbers one position further right than the header says (seed 003, page 2).
        foreach (var line in dataLines)
        {
            if (line.LastLabel > (_labelEdge.TryGetValue(line.Page, out var edge) ? edge : -1)) _labelEdge[line.Page] = line.LastLabel;
        }
    }

    public decimal?[] Place(GridLine line, string row, List<Finding> findings)
    {
        var values = new decimal?[ReportSchema.ApplicantColumns.Count];
        var start = line.LastLabel + 1;
        var slots = line.Cells.AsSpan(start);
        var tokens = new List<(int Position, CellToken Token)>();
        for (var k = 0; k < slots.Length; k++) if (slots[k].IsValue) tokens.Add((start + k, slots[k]));
        var columns = _layout.Columns;
        if (tokens.Count == columns.Count)
        {
            for (var k = 0; k < tokens.Count; k++) values[columns[k].Column] = tokens[k].Token.Value;
            return values;
        }
        if (TrimmedLength(slots) == columns.Count)
        {
            for (var k = 0; k < columns.Count; k++) values[columns[k].Column] = slots[k].Value;
            return values;
        }
        if (tokens.Count == values.Length && columns.Count < values.Length - 1)
        {
            // A header too garbled to name six columns (OCR read 自然人 as "^") says nothing against a row
            // printing all seven figures: they are the seven columns in order.
            for (var k = 0; k < tokens.Count; k++) values[k] = tokens[k].Token.Value;
            return values;
        }
        if (tokens.Count == columns.Count + 1 && columns.Count > 1)
        {
            var drop = PhantomIndex(tokens, columns);
            tokens.RemoveAt(drop.Index);
            for (var k = 0; k < tokens.Count; k++) values[columns[k].Column] = tokens[k].Token.Value;
            findings.Add(FindingSeverities.Create(FindingCodes.ColumnRepaired, $"applications.{row}",
                $"表三“{ApplicationsTableReader.RowName(row)}”行印有 {columns.Count + 1} 个数值、只有 {columns.Count} 列：第 {drop.Index + 1} 个数值 {drop.Text} 是版面多出的空列，已删除"));
            return values;
        }
        if (tokens.Count == 0) return values;
        return PlaceByPosition(tokens, line.Page, row, values, findings);
    }

    private decimal?[] PlaceByPosition(List<(int Position, CellToken Token)> tokens, int page, string row, decimal?[] values, List<Finding> findings)
    {
        var columns = _layout.Columns;
        if (!_layout.HasPositions)
        {
            var count = Math.Min(tokens.Count, columns.Count);
            for (var k = 0; k < count; k++) values[columns[k].Column] = tokens[k].Token.Value;
            findings.Add(FindingSeverities.Create(FindingCodes.ColumnRepaired, $"applications.{row}",
                $"表三“{ApplicationsTableReader.RowName(row)}”行印有 {tokens.Count} 个数值、表头有 {columns.Count} 列且无位置可对：按顺序从左读入"));
            return values;
        }
        var shift = Shift(page);
        var unplaced = new List<string>();
        foreach (var (position, token) in tokens)
        {
            var column = _layout.ColumnAt(position - shift);
            if (column >= 0) values[column] = token.Value;
            else unplaced.Add(token.Text);
        }
        if (unplaced.Count > 0)
        {
            findings.Add(FindingSeverities.Create(FindingCodes.ColumnRepaired, $"applications.{row}",
                $"表三“{ApplicationsTableReader.RowName(row)}”行的数值 {string.Join("、", unplaced)} 不在任何表头之下，已舍弃"));
        }
        return values;
    }

    private int Shift(int page) =>
        _labelEdge.TryGetValue(page, out var edge) && _labelEdge.TryGetValue(_layout.Page, out var baseline) ? edge - baseline : 0;

    /// <summary>
    /// Which of n+1 numbers is the phantom: an interior one (the first is 自然人 and the last 总计 in every
    /// printing seen) whose removal keeps the row total; otherwise the last interior one.
    /// </summary>
    private static (int Index, string Text) PhantomIndex(List<(int Position, CellToken Token)> tokens, IReadOnlyList<(int Column, int Position)> columns)
    {
        var totalLast = columns[^1].Column == ReportSchema.ApplicantColumns.Count - 1;
        for (var drop = 1; drop < tokens.Count - 1; drop++)
        {
            if (!totalLast || RowTotalHolds(tokens, drop)) return (drop, tokens[drop].Token.Text);
        }
        return (tokens.Count - 2, tokens[^2].Token.Text);
    }

    private static bool RowTotalHolds(List<(int Position, CellToken Token)> tokens, int drop)
    {
        decimal sum = 0;
        for (var k = 0; k < tokens.Count - 1; k++)
        {
            if (k == drop) continue;
            if (tokens[k].Token.Value is not { } value) return true;
            sum += value;
        }
        return tokens[^1].Token.Value is not { } total || total == sum;
    }

    private static int TrimmedLength(ReadOnlySpan<CellToken> slots)
    {
        var length = slots.Length;
        while (length > 0 && slots[length - 1].Kind == CellKind.Blank) length--;
        return length;
    }
}
