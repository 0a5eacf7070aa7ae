using Crawler.Reports.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Crawler.Extraction.Docx;

/// <summary>
/// A Word table as rows of starting cells: gridSpan becomes ColumnSpan; a vMerge restart cell gets a
/// RowSpan covering the continue cells below it in the same grid column, which are dropped.
/// Sliver grid columns (a twip or two wide, which Word and LibreOffice leave behind when column edges
/// almost line up) are folded into their left neighbour, so a 15-column table stays 15 columns.
/// </summary>
internal static class WordTableReader
{
    private sealed record Placed(string Text, int Column, int ColumnSpan, Merge Merge);

    private enum Merge { None, Restart, Continue }

    /// <summary>Narrower than half a millimetre: no printed column is that thin.</summary>
    private const int SliverTwips = 30;

    public static Table Read(W.Table table)
    {
        var rows = table.Elements<W.TableRow>().Select(Place).ToList();
        var columns = LogicalColumns(table, rows.Select(r => r.Count == 0 ? 0 : r[^1].Column + r[^1].ColumnSpan).DefaultIfEmpty(0).Max());
        var result = new List<TableRow>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = new List<TableCell>();
            foreach (var cell in rows[r])
            {
                if (cell.Merge == Merge.Continue && IsCovered(rows, r, cell)) continue;
                var rowSpan = cell.Merge == Merge.Restart ? 1 + CountContinues(rows, r, cell) : 1;
                var first = columns[cell.Column];
                var span = columns[cell.Column + cell.ColumnSpan - 1] - first + 1;
                var onlySlivers = cell.Column > 0 && columns[cell.Column - 1] == first;
                if (onlySlivers && cell.Text.Length == 0) continue;
                cells.Add(new TableCell(cell.Text, rowSpan, onlySlivers ? 1 : span));
            }
            result.Add(new TableRow(cells));
        }
        return new Table(result);
    }

    /// <summary>For each grid column, the printed column it belongs to (a sliver shares its left neighbour's).</summary>
    private static int[] LogicalColumns(W.Table table, int usedColumns)
    {
        var widths = table.GetFirstChild<W.TableGrid>()?.Elements<W.GridColumn>()
            .Select(c => int.TryParse(c.Width?.Value, out var w) ? w : int.MaxValue).ToList() ?? [];
        var count = Math.Max(widths.Count, usedColumns);
        var map = new int[Math.Max(1, count)];
        for (var i = 1; i < count; i++)
        {
            var sliver = i < widths.Count && widths[i] < SliverTwips;
            map[i] = sliver ? map[i - 1] : map[i - 1] + 1;
        }
        return map;
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
