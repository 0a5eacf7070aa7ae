using Crawler.Worker.Hosting;
using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary>The table printed at the end of a crawl: one row per source, then what went wrong where.</summary>
internal static class CrawlSummaryTable
{
    public static void Write(CrawlPassSummary summary, string dataDirectory)
    {
        var table = new Table().Title("抓取汇总 (crawl summary)")
            .AddColumns("来源", "机关", "新报告", "新版本", "未变", "非报告", "失败", "秒");
        foreach (var s in summary.Sources)
        {
            table.AddRow(Markup.Escape(s.SourceId), Markup.Escape(s.Agency), s.NewReports.ToString(), s.NewVersions.ToString(), s.Unchanged.ToString(),
                s.NotReports.ToString(), s.Blocked ? $"{s.Failures} [red]blocked (JS challenge)[/]" : s.Failures.ToString(), s.Elapsed.TotalSeconds.ToString("0.0"));
        }
        AnsiConsole.Write(table);
        foreach (var s in summary.Sources.Where(s => s.Problems.Count > 0))
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(s.SourceId)}[/]:");
            foreach (var problem in s.Problems.Take(20)) AnsiConsole.MarkupLine("  - " + Markup.Escape(problem));
            if (s.Problems.Count > 20) AnsiConsole.MarkupLine($"  … {s.Problems.Count - 20} more");
        }
        if (summary.RetriedFromQuarantine.Count > 0)
        {
            AnsiConsole.MarkupLine($"Retried {summary.RetriedFromQuarantine.Count} quarantined documents: " +
                string.Join(", ", summary.RetriedFromQuarantine.GroupBy(o => o.Kind).Select(g => $"{g.Count()} {g.Key}")));
        }
        AnsiConsole.MarkupLine($"Missing-report alerts queued: {summary.MissingReportsAnnounced}; alerts delivered {summary.Alerts.Delivered}, retrying {summary.Alerts.Retrying}, dead {summary.Alerts.Dead}.");
        foreach (var channel in summary.AlertChannels.Where(c => c.ConsecutiveFailures > 0 || c.Dead > 0))
        {
            AnsiConsole.MarkupLine($"[red]Alert channel {Markup.Escape(channel.Describe())}[/]");
        }
        AnsiConsole.MarkupLine(summary.Index is { } index
            ? Markup.Escape($"Elasticsearch: {index.Delivered} indexed, {index.Retrying} retrying, {index.Dead} rejected" + (index.Unreachable is null ? "" : $" — unreachable: {index.Unreachable} (kept in the outbox)"))
            : "Elasticsearch: not configured (set Elasticsearch__Url); reports are searchable with `crawler search`.");
        AnsiConsole.MarkupLine(Markup.Escape($"Data: {Path.GetFullPath(dataDirectory)} — try `crawler reports --data {dataDirectory} --format table` or `crawler search 商务 --data {dataDirectory}`."));
    }
}
