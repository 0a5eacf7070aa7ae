using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>
/// The applicant columns table 3 prints, found by their header labels (never by position alone), with
/// the grid position of each: a report may print a column fewer (seed 003 has no 其他) or call it otherwise.
/// </summary>
internal sealed class ApplicantColumnLayout
{
    private ApplicantColumnLayout(IReadOnlyList<(int Column, int Position)> columns, int page)
    {
        Columns = columns;
        Page = page;
    }

    /// <summary>Indexes into <see cref="ReportSchema.ApplicantColumns"/>, in printed order, with their grid position (-1 when unknown).</summary>
    public IReadOnlyList<(int Column, int Position)> Columns { get; }

    /// <summary>The page the header was printed on: positions only hold there.</summary>
    public int Page { get; }

    public bool HasPositions => Columns.Count > 0 && Columns[0].Position >= 0;

    public int ColumnAt(int position)
    {
        foreach (var (column, at) in Columns) if (at == position) return column;
        return -1;
    }

    /// <param name="header">The lines above the first row label.</param>
    /// <param name="data">The row lines: when most of them print a figure for every template column, a column
    /// the header's labels did not name (a cell the extractor garbled or split) is printed all the same.</param>
    /// <param name="findings">COLUMN_REPAIRED for each column really absent, LABEL_VARIANT for renamed ones.</param>
    public static ApplicantColumnLayout Read(IReadOnlyList<GridLine> header, IReadOnlyList<GridLine> data, List<Finding> findings)
    {
        var found = new Dictionary<int, int>();
        var page = header.Count > 0 ? header[^1].Page : 0;
        foreach (var line in header)
        {
            for (var c = 0; c < line.Cells.Length; c++)
            {
                if (line.Cells[c].Kind != CellKind.Label) continue;
                var match = LabelCatalogs.ApplicantColumns.Match(line.Cells[c].Text, fuzzy: false);
                if (match is null || !found.TryAdd(IndexOf(match.Key), c)) continue;
                if (!match.Exact)
                {
                    findings.Add(FindingSeverities.Create(FindingCodes.LabelVariant, $"applications.columns.{match.Key}",
                        $"表三列标题印作“{match.Printed}”，模板为“{match.Expected}”，已按“{match.Expected}”列读取"));
                }
            }
        }
        AddLabelsSplitAcrossLines(header, found);
        var all = ReportSchema.ApplicantColumns;
        if (found.Count == 0) return new ApplicantColumnLayout(Enumerable.Range(0, all.Count).Select(i => (i, -1)).ToArray(), page);
        if (found.Count < all.Count && PrintsEveryColumn(data, all.Count) is { } full)
        {
            // Some header label was not read (garbled or split by the extractor) while the rows print every
            // column: the column is there. Its positions are those of a row printing all seven figures.
            var positions = Enumerable.Range(full.LastLabel + 1, full.Cells.Length - full.LastLabel - 1).Where(c => full.Cells[c].IsValue).ToArray();
            return new ApplicantColumnLayout(positions.Select((position, i) => (i, position)).ToArray(), full.Page);
        }
        for (var i = 0; i < all.Count; i++)
        {
            if (found.ContainsKey(i)) continue;
            findings.Add(FindingSeverities.Create(FindingCodes.ColumnRepaired, $"applications.columns.{all[i].Key}",
                $"表三表头未印“{all[i].Label}”列（多数行也未印满 {all.Count} 个数值）：各行数值按表头标签对齐，“{all[i].Label}”列记为空"));
        }
        var ordered = found.OrderBy(p => p.Key).Select(p => (Column: p.Key, Position: p.Value)).ToArray();
        // Positions are only worth keeping when they run left to right in the template's order (a PDF grid);
        // a DOCX dump or a merged header gives positions that say nothing.
        var increasing = ordered.Zip(ordered.Skip(1)).All(p => p.First.Position < p.Second.Position);
        return new ApplicantColumnLayout(increasing ? ordered : ordered.Select(p => (p.Column, -1)).ToArray(), page);
    }

    /// <summary>
    /// When more than half of the row lines that print figures print one for each of the <paramref name="columns"/>
    /// (after their label), the first such line; otherwise null.
    /// </summary>
    private static GridLine? PrintsEveryColumn(IReadOnlyList<GridLine> data, int columns)
    {
        var rows = data.Where(l => l.HasLabel && l.ValueCount > 0).ToArray();
        var full = rows.Where(l => ValuesAfterLabel(l) == columns).ToArray();
        return full.Length * 2 > rows.Length ? full[0] : null;
    }

    private static int ValuesAfterLabel(GridLine line)
    {
        var count = 0;
        for (var c = line.LastLabel + 1; c < line.Cells.Length; c++) if (line.Cells[c].IsValue) count++;
        return count;
    }

    /// <summary>
    /// A header cell whose text runs over two grid lines: a row LibreOffice let break at a page end prints
    /// "自然" at the foot of one page and "人" at the top of the next, in the same column (seed 001 as a PDF).
    /// Only columns no single cell named are looked for, at positions no other column holds.
    /// </summary>
    private static void AddLabelsSplitAcrossLines(IReadOnlyList<GridLine> header, Dictionary<int, int> found)
    {
        var width = header.Count == 0 ? 0 : header.Max(l => l.Cells.Length);
        for (var c = 0; c < width; c++)
        {
            if (found.ContainsValue(c)) continue;
            for (var first = 0; first + 1 < header.Count; first++)
            {
                var upper = LabelAt(header[first], c);
                var lower = LabelAt(header[first + 1], c);
                if (upper is null || lower is null || upper == lower) continue;
                var match = LabelCatalogs.ApplicantColumns.Match(upper + lower, fuzzy: false);
                if (match is not null && match.Exact && found.TryAdd(IndexOf(match.Key), c)) break;
            }
        }
    }

    private static string? LabelAt(GridLine line, int column) =>
        column < line.Cells.Length && line.Cells[column].Kind == CellKind.Label ? line.Cells[column].Text : null;

    private static int IndexOf(string key)
    {
        for (var i = 0; i < ReportSchema.ApplicantColumns.Count; i++) if (ReportSchema.ApplicantColumns[i].Key == key) return i;
        return -1;
    }
}
