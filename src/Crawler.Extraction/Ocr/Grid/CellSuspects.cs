using System.Globalization;
using Crawler.Extraction.Layout;
using Crawler.Reports.Model;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// One LOW_CONFIDENCE finding per figure cell read below the threshold, naming the page, the row's label,
/// the column's header and what was read, so that a reader can find the very cell in the original.
/// Label cells are not listed: a misread character in a label is repaired by the parser's label matching.
/// </summary>
internal static class CellSuspects
{
    public static List<Finding> Find(int page, RuledTable table, IReadOnlyDictionary<GridCell, CellReading> readings, double threshold)
    {
        var findings = new List<Finding>();
        foreach (var cell in table.Cells)
        {
            if (!readings.TryGetValue(cell, out var read) || read.Confidence >= threshold || IsLabel(read.Text)) continue;
            var row = Label(table.Cells.Where(c => c.Row <= cell.Row && cell.Row < c.Row + c.RowSpan && c.Column < cell.Column).OrderByDescending(c => c.Column), readings);
            var column = Label(table.Cells.Where(c => c.Column <= cell.Column && cell.Column < c.Column + c.ColumnSpan && c.Row < cell.Row).OrderByDescending(c => c.Row), readings);
            var percent = (read.Confidence * 100).ToString("0", CultureInfo.InvariantCulture);
            var limit = (threshold * 100).ToString("0", CultureInfo.InvariantCulture);
            var named = string.Join("、", new[] { row.Length > 0 ? $"“{row}”行" : "", column.Length > 0 ? $"“{column}”列" : "" }.Where(p => p.Length > 0));
            var what = read.Text.Length > 0 ? $"识别为“{read.Text}”" : "有字迹但未识别出文字";
            findings.Add(new Finding(FindingCodes.LowConfidence, FindingSeverity.Warning, "ocr",
                $"第 {page} 页表格第 {cell.Row + 1} 行第 {cell.Column + 1} 列{(named.Length > 0 ? $"（{named}）" : "")}的单元格{what}，置信度 {percent}%，低于 {limit}%，请对照原件核对"));
        }
        return findings;
    }

    private static bool IsLabel(string text) => LayoutText.CountCjkLetters(text) > 0;

    private static string Label(IEnumerable<GridCell> candidates, IReadOnlyDictionary<GridCell, CellReading> readings) =>
        candidates.Select(c => readings.TryGetValue(c, out var r) ? r.Text : "").FirstOrDefault(IsLabel) ?? "";
}
