using Crawler.Reports.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Crawler.Extraction.Docx;

/// <summary>
/// A Word table as rows of starting cells: gridSpan becomes ColumnSpan; a vMerge restart cell gets a
/// RowSpan covering the continue cells below it in the same grid column, which are dropped.
/// </summary>
internal static class WordTableReader
{
    private sealed record Placed(string Text, int Column, int ColumnSpan, Merge Merge);

    private enum Merge { None, Restart, Continue }

    public static Table Read(W.Table table)
    {
        var rows = table.Elements<W.TableRow>().Select(Place).ToList();
        var result = new List<TableRow>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = new List<TableCell>();
            foreach (var cell in rows[r])
            {
                if (cell.Merge == Merge.Continue && IsCovered(rows, r, cell)) continue;
                var rowSpan = cell.Merge == Merge.Restart ? 1 + CountContinues(rows, r, cell) : 1;
                cells.Add(new TableCell(cell.Text, rowSpan, cell.ColumnSpan));
            }
            result.Add(new TableRow(cells));
        }
        return new Table(result);
    }

    private static List<Placed> Place(W.TableRow row)
    {
        var placed = new List<Placed>();
        var column = row.TableRowProperties?.GetFirstChild<W.GridBefore>()?.Val?.Value ?? 0;
        if (column > 0) placed.Add(new Placed("", 0, column, Merge.None));
        foreach (var cell in row.Elements<W.TableCell>())
        {
            var properties = cell.TableCellProperties;
            var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
            var merge = properties?.VerticalMerge is { } v
                ? v.Val?.Value == W.MergedCellValues.Restart ? Merge.Restart : Merge.Continue
                : Merge.None;
            placed.Add(new Placed(WordText.OfCell(cell), column, span, merge));
            column += span;
        }
        return placed;
    }

    private static int CountContinues(List<List<Placed>> rows, int start, Placed cell)
    {
        var count = 0;
        for (var r = start + 1; r < rows.Count; r++)
        {
            var below = rows[r].Find(c => c.Column == cell.Column);
            if (below is not { Merge: Merge.Continue }) break;
            count++;
        }
        return count;
    }

    /// <summary>A continue cell with no restart above it (malformed, but Word shows it) is kept as a cell.</summary>
    private static bool IsCovered(List<List<Placed>> rows, int row, Placed cell)
    {
        for (var r = row - 1; r >= 0; r--)
        {
            var above = rows[r].Find(c => c.Column == cell.Column);
            if (above is null) return false;
            if (above.Merge == Merge.Restart) return true;
            if (above.Merge != Merge.Continue) return false;
        }
        return false;
    }
}
