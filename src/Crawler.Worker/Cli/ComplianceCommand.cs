using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Worker.Hosting;
using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler compliance --year Y</c>: the supervising office's February list — who published the report for
/// year Y by the deadline, who did not, who left the standard format, and whose tables don't add up.
/// </summary>
internal static class ComplianceCommand
{
    public static Command Create()
    {
        var data = DataDirectoryOption.Create();
        var year = new Option<int?>("--year") { Description = "The report year (default: last year)." };
        var sourcesFile = new Option<string?>("--sources") { Description = "The agencies under supervision (default config/sources.json when it has verified entries, else the sources seen in the store)." };
        var deadline = new Option<DateOnly?>("--deadline") { Description = "Due date (default 31 January of the following year, Beijing time)." };
        var format = new Option<string>("--format") { Description = "table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("compliance", "Who published the annual report by the deadline, in the standard format, with consistent figures.")
            { data, year, sourcesFile, deadline, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = DataDirectoryOption.Open(parseResult, data);
            var reportYear = parseResult.GetValue(year) ?? DateTime.UtcNow.Year - 1;
            var versions = await services.GetRequiredService<IReportStore>().ListVersionsAsync(new ReportFilter { Year = reportYear }, cancellationToken);
            var sources = Supervised(parseResult.GetValue(sourcesFile));
            var due = parseResult.GetValue(deadline) is { } day
                ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8))
                : ComplianceList.DefaultDeadline(reportYear);
            var rows = ComplianceList.Build(reportYear, sources, versions, due);
            var output = parseResult.InvocationConfiguration.Output;
            switch (parseResult.GetValue(format))
            {
                case "json": await output.WriteLineAsync(Json(rows)); break;
                case "csv": await output.WriteAsync(Csv(rows)); break;
                default: Table(CommandSession.From(parseResult).Out, rows, reportYear, due); break;
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static IReadOnlyList<Source> Supervised(string? explicitFile)
    {
        var file = CrawlerConfiguration.SourcesFile(CrawlerConfiguration.Build(), explicitFile);
        if (explicitFile is not null) return SourceCatalog.Load(file);
        var configured = File.Exists(file) ? SourceCatalog.Load(file) : [];
        return configured.Any(s => s.Verified) ? configured : [];
    }

    private static void Table(IAnsiConsole console, IReadOnlyList<ComplianceRow> rows, int year, DateTimeOffset due)
    {
        var table = new Table().Title($"{year} 年度报告公开情况（截止 {due.AddDays(-1):yyyy-MM-dd}）")
            .AddColumns("机关", "状态", "首次发现", "模板", "勾稽关系", "其他发现");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Agency),
                row.Status switch
                {
                    ComplianceStatus.Published => "[green]已公开[/]",
                    ComplianceStatus.FoundAfterDeadline => "[yellow]截止后发现[/]",
                    _ => "[red]未发现[/]",
                },
                row.FirstFoundAt?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—",
                row.Template is null ? "—" : row.StandardFormat ? "2021" : $"[yellow]{row.Template}[/]",
                row.Status == ComplianceStatus.Missing ? "—" : row.FiguresAddUp ? "[green]一致[/]" : $"[red]{Markup.Escape(Codes(row.RuleViolations))}[/]",
                Markup.Escape(Codes(row.OtherFindings)));
        }
        console.Write(table);
        console.MarkupLine($"已公开 {rows.Count(r => r.Status == ComplianceStatus.Published)}，截止后发现 {rows.Count(r => r.Status == ComplianceStatus.FoundAfterDeadline)}，" +
                               $"未发现 {rows.Count(r => r.Status == ComplianceStatus.Missing)}，勾稽关系不一致 {rows.Count(r => r.Status != ComplianceStatus.Missing && !r.FiguresAddUp)}。");
    }

    private static string Codes(IEnumerable<Reports.Validation.Finding> findings) =>
        string.Join(" ", findings.GroupBy(f => f.Code).Select(g => g.Count() > 1 ? $"{g.Key}×{g.Count()}" : g.Key));

    private static string Json(IReadOnlyList<ComplianceRow> rows) => JsonSerializer.Serialize(rows.Select(r => new
    {
        agency = r.Agency,
        sourceId = r.SourceId,
        year = r.Year,
        status = r.Status.ToString(),
        firstFoundAt = r.FirstFoundAt,
        template = r.Template,
        standardFormat = r.Template is null ? (bool?)null : r.StandardFormat,
        figuresAddUp = r.Status == ComplianceStatus.Missing ? (bool?)null : r.FiguresAddUp,
        versions = r.Versions,
        documentUrl = r.DocumentUrl?.AbsoluteUri,
        ruleViolations = r.RuleViolations.Select(f => new { f.Code, f.Where, f.Message }),
        otherFindings = r.OtherFindings.Select(f => new { f.Code, f.Where }),
    }), new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

    private static string Csv(IReadOnlyList<ComplianceRow> rows)
    {
        // UTF-8 BOM so that Excel opens the Chinese correctly.
        var csv = new StringBuilder("\uFEFFagency,sourceId,year,status,firstFoundAt,template,figuresAddUp,ruleViolations,otherFindings,documentUrl\r\n");
        foreach (var r in rows)
        {
            string[] fields =
            [
                r.Agency, r.SourceId ?? "", r.Year.ToString(CultureInfo.InvariantCulture), r.Status.ToString(),
                r.FirstFoundAt?.ToString("o", CultureInfo.InvariantCulture) ?? "", r.Template ?? "",
                r.Status == ComplianceStatus.Missing ? "" : r.FiguresAddUp ? "true" : "false",
                Codes(r.RuleViolations), Codes(r.OtherFindings), r.DocumentUrl?.AbsoluteUri ?? "",
            ];
            csv.Append(string.Join(',', fields.Select(Quote))).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
