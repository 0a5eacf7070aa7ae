using Crawler.Pipeline.Storage.PostgreSql;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Worker.Hosting;
using Crawler.Worker.Scheduling;
using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler status</c>: for each source, its last run and how it ended, its next run, and its last problem — read
/// from the state database (crawl_runs) and the scheduler's (scheduler.db); read-only, so it works beside a running
/// worker and on a read-only data folder. Without a scheduler database the next run is computed from the schedule.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var data = DataDirectoryOption.Create();
        var sourcesFile = new Option<string?>("--sources") { Description = "Also list these sources (and their schedules) before they have ever run." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("status", "Each source's last run, outcome, next run and last problem.") { data, sourcesFile, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = DataDirectoryOption.Open(parseResult, data);
            var layout = services.GetRequiredService<DataLayout>();
            var runs = await services.GetRequiredService<ICrawlRunLog>().LatestAsync(cancellationToken);
            // The clustered schedule lives beside the PostgreSQL state; the embedded one in the folder's scheduler.db.
            var scheduler = services.GetService<PostgresDatabase>() is { } database
                ? await SchedulerState.ReadAsync(database, cancellationToken)
                : SchedulerState.Read(Path.Combine(layout.Root, "scheduler.db"));
            var configured = Configured(parseResult.GetValue(sourcesFile));
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var rows = Rows(runs, scheduler, configured, now);
            var session = CommandSession.From(parseResult);
            if (parseResult.GetValue(format) == "json") await session.Output.WriteLineAsync(Json(rows));
            else Table(session.Out, rows, scheduler.Count > 0);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>--sources FILE, else the verified entries of the default sources file (the ones a crawl would use).</summary>
    private static IReadOnlyList<Source> Configured(string? explicitFile)
    {
        if (explicitFile is not null) return SourceCatalog.Load(explicitFile);
        var file = CrawlerConfiguration.SourcesFile(CrawlerConfiguration.Build(), null);
        return File.Exists(file) ? SourceCatalog.Load(file).Where(s => s.Verified).ToList() : [];
    }

    internal sealed record SourceStatus(string SourceId, string? Agency, CrawlRunRecord? Last, DateTimeOffset? NextRun, bool NextFromScheduler, CrawlRunRecord? LastProblem);

    private static List<SourceStatus> Rows(IReadOnlyDictionary<string, (CrawlRunRecord Last, CrawlRunRecord? LastProblem)> runs,
        IReadOnlyDictionary<string, SchedulerState> scheduler, IReadOnlyList<Source> configured, DateTimeOffset now)
    {
        var ids = configured.Select(s => s.Id).Concat(scheduler.Keys).Concat(runs.Keys).Distinct(StringComparer.Ordinal);
        return ids.Select(id =>
        {
            var source = configured.FirstOrDefault(s => s.Id == id);
            runs.TryGetValue(id, out var run);
            scheduler.TryGetValue(id, out var job);
            var next = job?.NextRun ?? (source is null ? null : SourceSchedule.NextRun(source, now));
            return new SourceStatus(id, job?.Agency ?? source?.Agency ?? run.Last?.Agency, run.Last, next, job?.NextRun is not null, run.LastProblem);
        }).OrderBy(s => s.SourceId, StringComparer.Ordinal).ToList();
    }

    private static void Table(IAnsiConsole console, IReadOnlyList<SourceStatus> rows, bool schedulerSeen)
    {
        var table = new Table().AddColumns("来源", "机关", "上次运行", "结果", "下次运行", "最近问题");
        foreach (var row in rows)
        {
            table.AddRow(Markup.Escape(row.SourceId), Markup.Escape(row.Agency ?? "—"),
                row.Last is { } last ? SourceSchedule.Beijing(last.StartedAt) : "从未 (never)",
                Outcome(row.Last),
                row.NextRun is { } next ? SourceSchedule.Beijing(next) + (row.NextFromScheduler ? "" : " (按计划 by schedule)") : "—",
                Markup.Escape(row.LastProblem is { } problem ? $"{SourceSchedule.Beijing(problem.StartedAt)} {problem.Problem}" : "—"));
        }
        console.Write(table);
        console.WriteLine($"{rows.Count} 个来源 (sources)；时间为北京时间" + (schedulerSeen ? "" : "；没有调度数据库 scheduler.db：crawler run 尚未在此数据目录运行 (the worker has not run here)"));
    }

    private static string Outcome(CrawlRunRecord? run) => run switch
    {
        null => "—",
        { Outcome: null } r => $"{r.NewReports} 新 / {r.Failures} 失败 / {r.Documents} 文档",
        { Outcome: "succeeded" } r => $"[green]成功[/] {r.NewReports} 新 / {r.Documents} 文档",
        { Outcome: "partial" } r => $"[yellow]部分失败[/] {r.Failures} 失败 / {r.Documents} 文档",
        { } r => $"[red]失败[/] {r.Failures} 失败",
    };

    private static string Json(IReadOnlyList<SourceStatus> rows) => JsonSerializer.Serialize(rows.Select(r => new
    {
        sourceId = r.SourceId,
        agency = r.Agency,
        lastRun = r.Last?.StartedAt,
        lastFinished = r.Last?.FinishedAt,
        outcome = r.Last?.Outcome,
        documents = r.Last?.Documents,
        newReports = r.Last?.NewReports,
        failures = r.Last?.Failures,
        nextRun = r.NextRun,
        nextRunFrom = r.NextRun is null ? null : r.NextFromScheduler ? "scheduler" : "schedule",
        lastProblem = r.LastProblem?.Problem,
        lastProblemAt = r.LastProblem?.StartedAt,
    }), new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
