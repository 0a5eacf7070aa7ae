using System.CommandLine;
using System.Globalization;
using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Worker.Hosting;
using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler compliance --year Y</c>: the supervising office's February list — every agency under supervision,
/// on time, late (with the days), missing or of unknown date by the report's own publication date, with the
/// reports in a non-standard format and the figures that don't add up.
/// </summary>
internal static class ComplianceCommand
{
    public static Command Create()
    {
        var data = DataDirectoryOption.Create();
        var year = new Option<int?>("--year") { Description = "The report year (default: last year)." };
        var sourcesFile = new Option<string?>("--sources") { Description = "The agencies under supervision (default config/sources.json when it has verified entries, else the sources seen in the store)." };
        var deadline = new Option<DateOnly?>("--deadline") { Description = "Due date for every agency (default: Compliance:Deadlines for the year, else 31 January of the following year; Beijing time)." };
        var format = new Option<string>("--format") { Description = "table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("compliance", "Who published the annual report by the deadline (by its own publication date), in the standard format, with consistent figures.")
            { data, year, sourcesFile, deadline, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = DataDirectoryOption.Open(parseResult, data);
            var reportYear = parseResult.GetValue(year) ?? DateTime.UtcNow.Year - 1;
            // A sources file that cannot be read is bad usage (exit 2), reported in one line by the command line.
            var sources = Supervised(parseResult.GetValue(sourcesFile));
            var configuration = CrawlerConfiguration.Build();
            var deadlines = new ComplianceDeadlines(CrawlerConfiguration.Bind<ComplianceOptions>(configuration, ComplianceOptions.SectionName),
                CrawlerConfiguration.Bind<AlertOptions>(configuration, AlertOptions.SectionName).Deadline, parseResult.GetValue(deadline));
            var rows = await ComplianceQuery.LoadAsync(services.GetRequiredService<IReportStore>(), reportYear, sources, deadlines, cancellationToken);
            var output = parseResult.InvocationConfiguration.Output;
            switch (parseResult.GetValue(format))
            {
                case "json": await output.WriteLineAsync(ComplianceExport.Json(rows)); break;
                case "csv": await output.WriteAsync(ComplianceExport.Csv(rows)); break;
                default: Table(CommandSession.From(parseResult).Out, rows, reportYear); break;
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The agencies under supervision: the named sources file, else config/sources.json when it has verified entries, else none (only the stored reports' agencies).</summary>
    internal static IReadOnlyList<Source> Supervised(string? explicitFile)
    {
        var file = CrawlerConfiguration.SourcesFile(CrawlerConfiguration.Build(), explicitFile);
        if (explicitFile is not null) return SourceCatalog.Load(file);
        var configured = File.Exists(file) ? SourceCatalog.Load(file) : [];
        return configured.Any(s => s.Verified) ? configured : [];
    }

    private static void Table(IAnsiConsole console, IReadOnlyList<ComplianceRow> rows, int year)
    {
        var dueDates = rows.Select(r => r.DueDate).Distinct().Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var table = new Table().Title($"{year} 年度报告公开情况（截止 {(dueDates.Count == 0 ? ComplianceDeadlines.Regulation(year).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Join("、", dueDates))}，北京时间）")
            .AddColumns("机关", "地区", "状态", "发布日期", "日期来源", "模板", "勾稽关系", "其他发现");
        foreach (var row in rows)
        {
            var label = Markup.Escape(ComplianceStatuses.Label(row.Status, row.DaysLate));
            table.AddRow(
                Markup.Escape(row.Agency),
                Markup.Escape(row.Region ?? "—"),
                row.Status switch
                {
                    ComplianceStatus.OnTime => $"[green]{label}[/]",
                    ComplianceStatus.Late => $"[red]{label}[/]",
                    ComplianceStatus.Missing => $"[red]{label}[/]",
                    _ => $"[yellow]{label}[/]",
                },
                row.PublishedAt?.Text ?? "—",
                row.PublishedAt is { } published ? Markup.Escape(Reports.Publication.DateSources.Label(published.Source)) : "—",
                row.Template is null ? "—" : row.StandardFormat ? row.Template : $"[yellow]{row.Template}[/]",
                row.Status == ComplianceStatus.Missing ? "—" : row.FiguresAddUp ? "[green]一致[/]" : $"[red]{Markup.Escape(ComplianceExport.Codes(row.RuleViolations))}[/]",
                Markup.Escape(ComplianceExport.Codes(row.OtherFindings)));
        }
        console.Write(table);
        int Count(ComplianceStatus status) => rows.Count(r => r.Status == status);
        console.WriteLine($"按时发布 {Count(ComplianceStatus.OnTime)}，逾期发布 {Count(ComplianceStatus.Late)}，未发布 {Count(ComplianceStatus.Missing)}，" +
                          $"日期不明 {Count(ComplianceStatus.UnknownDate)}；非标准格式 {rows.Count(r => r.Template is not null && !r.StandardFormat)}，" +
                          $"勾稽关系不一致 {rows.Count(r => r.Status != ComplianceStatus.Missing && !r.FiguresAddUp)}。");
    }
}
