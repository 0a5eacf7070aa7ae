using Crawler.Reports.Documents;

namespace Crawler.Extraction.Tests.Fixtures;

/// <summary>Finds the report's three tables in an extracted document and reads rows the way a person would.</summary>
internal static class ReportTables
{
    /// <summary>The grid of table 3, joining the consecutive tables it was split into (rows in printed order).</summary>
    public static TableCell?[][] Applications(ReportDocument document)
    {
        var blocks = document.Blocks;
        var start = blocks.ToList().FindIndex(b => b is Table t && Text(t).Contains("本年新收"));
        Assert.True(start >= 0, "table 3 (本年新收…) not found");
        var rows = new List<TableCell?[]>();
        for (var i = start; i < blocks.Count && blocks[i] is Table table && (i == start || !Text(table).Contains("行政复议")); i++)
            rows.AddRange(table.ToGrid());
        return rows.ToArray();
    }

    public static TableCell?[][] ActiveDisclosure(ReportDocument document) =>
        document.Tables.First(t => Text(t).Contains("行政规范性文件")).ToGrid();

    public static TableCell?[][] ReviewAndLitigation(ReportDocument document) =>
        document.Tables.First(t => Text(t).Contains("行政复议") && Text(t).Contains("复议后起诉")).ToGrid();

    /// <summary>The data rows of table 3 (those that carry figures), in printed order.</summary>
    public static TableCell?[][] ApplicationDataRows(TableCell?[][] grid)
    {
        var first = Array.FindIndex(grid, row => row.Any(c => c?.Text.Contains("本年新收") == true));
        return grid[first..].Where(row => row.Any(c => c is not null)).ToArray();
    }

    /// <summary>The last <paramref name="count"/> distinct cells of a grid row (a spanned cell counts once).</summary>
    public static string[] Values(TableCell?[] row, int count)
    {
        var distinct = new List<TableCell?>();
        foreach (var cell in row)
        {
            if (distinct.Count == 0 || !ReferenceEquals(distinct[^1], cell)) distinct.Add(cell);
        }
        return distinct.TakeLast(count).Select(c => c?.Text ?? "").ToArray();
    }

    public static TableCell?[] RowWith(TableCell?[][] grid, string label) =>
        grid.First(row => row.Any(c => c?.Text.Contains(label) == true));

    private static string Text(Table table) => string.Join("|", table.Rows.SelectMany(r => r.Cells).Select(c => c.Text));
}
