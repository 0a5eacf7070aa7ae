using Crawler.Reports.Model;
using Crawler.Reports.Parsing;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Crawler.Worker.Cli;

/// <summary>The readable form of a parsed report: metadata, tables 2/3/4 laid out as tables, findings.</summary>
internal static class ReportTextSummary
{
    /// <summary>How an empty cell is shown: not reported, which is not 0.</summary>
    private const string Blank = "空";

    public static void Write(ReportParseResult result, string source, IAnsiConsole console)
    {
        var report = result.Report;
        var period = report.StatisticalPeriod is { } p ? $"{p.From:yyyy-MM-dd} 至 {p.To:yyyy-MM-dd}" : Blank;
        var header = new Grid().AddColumn().AddColumn();
        foreach (var (name, value) in new[]
                 {
                     ("来源 source", source), ("标题 title", report.Title ?? Blank), ("机关 agency", report.Agency ?? Blank),
                     ("年度 year", report.Year?.ToString() ?? Blank), ("模板 template", report.Template.ToName()), ("统计期限 period", period),
                 })
        {
            header.AddRow(new Text(name), new Text(value));
        }
        console.Write(header);
        console.WriteLine();
        console.Write(RowTable("表二 " + report.ActiveDisclosure.Definition.Title, report.ActiveDisclosure));
        console.Write(GridTable("表三 " + report.Applications.Definition.Title, report.Applications, ReportSchema.ApplicantColumns));
        console.Write(GridTable("表四 " + report.ReviewAndLitigation.Definition.Title, report.ReviewAndLitigation, ReportSchema.ReviewCells));
        console.Write(Findings(result.Findings));
    }

    private static Table RowTable(string title, FigureTable figures)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) }.AddColumn("项目").AddColumn("数值");
        foreach (var row in figures.Definition.Rows)
        {
            var cells = string.Join("；", row.Cells.Select(c => $"{c.Label} {Show(figures[row.Key, c.Key])}"));
            table.AddRow(new Text(row.Label), new Text(cells));
        }
        return table;
    }

    private static Table GridTable(string title, FigureTable figures, IReadOnlyList<CellDefinition> columns)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) }.AddColumn("");
        foreach (var column in columns) table.AddColumn(new TableColumn(Markup.Escape(column.Label)).RightAligned());
        foreach (var row in figures.Definition.Rows)
        {
            var cells = new List<IRenderable> { new Text(Shorten(PrintedLabels.Of(figures.Key, row.Key))) };
            cells.AddRange(columns.Select(c => (IRenderable)new Text(Show(figures[row.Key, c.Key]))));
            table.AddRow(cells);
        }
        return table;
    }

    private static Table Findings(IReadOnlyList<Finding> findings)
    {
        var table = new Table { Title = new TableTitle($"发现 findings: {findings.Count}") }
            .AddColumn("级别").AddColumn("代码").AddColumn("位置").AddColumn("说明");
        foreach (var finding in findings.OrderByDescending(f => f.Severity))
        {
            table.AddRow(new Text(finding.Severity.ToString().ToLowerInvariant()), new Text(finding.Code), new Text(finding.Where), new Text(finding.Message));
        }
        return table;
    }

    private static string Show(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Blank;

    private static string Shorten(string label) => label.Length > 28 ? label[..27] + "…" : label;
}
