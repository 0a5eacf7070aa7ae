using System.Globalization;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Crawler.Pipeline.Storage;

/// <summary>
/// The xlsx export (Office Open XML through DocumentFormat.OpenXml): a sheet 报告 with each version's metadata, one
/// sheet per template table (表二, 表三, 表四) with its figures as numbers, and a sheet 发现 with one row per finding.
/// Header rows are bold and frozen; fetch times are real dates in Beijing time, to the second.
/// </summary>
public static class ReportWorkbookExport
{
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;

    public static IReadOnlyList<(string Key, string Sheet)> TableSheets { get; } =
        [.. ReportTemplates.Default.Tables.Select(t => (t.Key, t.Name + " " + t.Title))];

    public const string ReportsSheet = "报告";
    public const string FindingsSheet = "发现";

    public static void Write(Stream output, IReadOnlyList<ReportVersionRecord> versions, ExportHeader header)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var figures = versions.Select(ReportCsvExport.Figures).ToList();

        AddSheet(workbook, ReportsSheet, ReportExportColumns.Metadata.Select(m => header == ExportHeader.Keys ? m.Key : m.Label),
            versions.Select(v => MetadataRow(v, header)));
        foreach (var (table, sheet) in TableSheets)
        {
            var keys = ReportExportColumns.FigureKeys.Where(k => ReportExportColumns.TableOf(k) == table).ToList();
            var heads = new[] { "机关", "年度", "版本" }.Concat(keys.Select(k => header == ExportHeader.Keys ? k : ReportExportColumns.FigureLabel(k)));
            AddSheet(workbook, sheet, heads, versions.Select((v, i) => Identity(v).Concat(keys.Select(k => Number(figures[i].GetValueOrDefault(k))))));
        }
        AddSheet(workbook, FindingsSheet, ["机关", "年度", "版本", "代码", "级别", "位置", "说明"],
            versions.SelectMany(v => v.Findings.Select(f => Identity(v).Concat([Text(f.Code), Text(f.Severity.ToString().ToLowerInvariant()), Text(f.Where), Text(f.Message)]))));
        workbook.Workbook.Save();
    }

    private static IEnumerable<Cell> MetadataRow(ReportVersionRecord version, ExportHeader header)
    {
        var cells = ReportCsvExport.Metadata(version, header);
        for (var i = 0; i < cells.Count; i++)
        {
            yield return ReportExportColumns.Metadata[i].Key switch
            {
                "year" => Number(version.Year),
                "version" => Number(version.Version),
                "fetchedAt" => Date(version.FetchedAt),
                _ => Text(cells[i]),
            };
        }
    }

    private static IEnumerable<Cell> Identity(ReportVersionRecord version) => [Text(version.Agency), Number(version.Year), Number(version.Version)];

    private static void AddSheet(WorkbookPart workbook, string name, IEnumerable<string> headers, IEnumerable<IEnumerable<Cell>> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var head = headers.ToList();
        data.Append(new Row(head.Select(h => Text(h, HeaderStyle))));
        foreach (var row in rows) data.Append(new Row(row));
        var widths = new Columns(head.Select((h, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), CustomWidth = true, Width = Math.Clamp(h.Length * 2.2, 8, 60),
        }));
        var frozen = new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 });
        part.Worksheet = new Worksheet(frozen, widths, data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(sheets.Count() + 1), Name = name });
    }

    private static Cell Text(string value, uint style = 0) =>
        new(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style };

    /// <summary>A figure as a number; an empty cell of the report stays empty (not reported is not 0).</summary>
    private static Cell Number(decimal? value) => value is { } v
        ? new Cell(new CellValue(v.ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.Number }
        : new Cell();

    private static Cell Date(DateTimeOffset at) =>
        new(new CellValue(at.ToOffset(TimeSpan.FromHours(8)).DateTime.ToOADate().ToString("R", CultureInfo.InvariantCulture))) { StyleIndex = DateStyle };

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm:ss" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 3 });
}
