using Crawler.Worker.Hosting;
using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary>The table printed at the end of a crawl: one row per source, then what went wrong where.</summary>
internal static class CrawlSummaryTable
{
    private const int MaxRows = 200;

    public static void Write(IAnsiConsole console, CrawlPassSummary summary, string dataDirectory)
    {
        var table = new Table().Title("抓取汇总 (crawl summary)")
            .AddColumns("来源", "机关", "结果", "新报告", "新版本", "未变", "非报告", "失败", "秒");
        // A province's source file can hold thousands of agencies: list the sources worth reading (new reports,
        // failures) up to a cap, then one line of totals, instead of one row per source.
        var shown = summary.Sources.Count <= MaxRows
            ? summary.Sources
            : summary.Sources.Where(s => s.NewReports + s.NewVersions + s.Failures > 0 || s.Blocked).Take(MaxRows).ToList();
        foreach (var s in shown)
        {
            table.AddRow(Markup.Escape(s.SourceId), Markup.Escape(s.Agency), Outcome(CrawlOutcomes.Of(s)), s.NewReports.ToString(), s.NewVersions.ToString(), s.Unchanged.ToString(),
                s.NotReports.ToString(), s.Blocked ? $"{s.Failures} [red]blocked (JS challenge)[/]" : s.Failures.ToString(), s.Elapsed.TotalSeconds.ToString("0.0"));
        }
        if (shown.Count < summary.Sources.Count)
        {
            var all = summary.Sources;
            table.AddRow($"[bold]合计 {all.Count} 个来源[/]", $"(列出 {shown.Count} 个)", "", all.Sum(s => s.NewReports).ToString(), all.Sum(s => s.NewVersions).ToString(),
                all.Sum(s => s.Unchanged).ToString(), all.Sum(s => s.NotReports).ToString(), all.Sum(s => s.Failures).ToString(), "");
        }
        console.Write(table);
        foreach (var s in summary.Sources.Where(s => s.Problems.Count > 0).Take(MaxRows))
        {
            console.MarkupLine($"[yellow]{Markup.Escape(s.SourceId)}[/]:");
            foreach (var problem in s.Problems.Take(20)) console.MarkupLine("  - " + Markup.Escape(problem));
            if (s.Problems.Count > 20) console.MarkupLine($"  … {s.Problems.Count - 20} more");
        }
        if (summary.RetriedFromQuarantine.Count > 0)
        {
            console.MarkupLine($"Retried {summary.RetriedFromQuarantine.Count} quarantined documents: " +
                string.Join(", ", summary.RetriedFromQuarantine.GroupBy(o => o.Kind).Select(g => $"{g.Count()} {g.Key}")));
        }
        console.MarkupLine($"Missing-report alerts queued: {summary.MissingReportsAnnounced}; alerts delivered {summary.Alerts.Delivered}, retrying {summary.Alerts.Retrying}, dead {summary.Alerts.Dead}.");
        foreach (var channel in summary.AlertChannels.Where(c => c.ConsecutiveFailures > 0 || c.Dead > 0))
        {
            console.MarkupLine($"[red]Alert channel {Markup.Escape(channel.Describe())}[/]");
        }
        console.MarkupLine(summary.Index is { } index
            ? Markup.Escape($"Elasticsearch: {index.Delivered} indexed ({summary.ComplianceDocuments} compliance documents queued), {index.Retrying} retrying, {index.Dead} rejected" + (index.Unreachable is null ? "" : $" — unreachable: {index.Unreachable} (kept in the outbox)"))
            : "Elasticsearch: not configured (set Elasticsearch__Url); reports are searchable with `crawler search`.");
        console.MarkupLine(Markup.Escape($"Data: {Path.GetFullPath(dataDirectory)} — try `crawler reports --data {dataDirectory} --format table` or `crawler search 商务 --data {dataDirectory}`."));
    }

    private static string Outcome(CrawlOutcome outcome) => outcome switch
    {
        CrawlOutcome.Succeeded => "[green]成功[/]",
        CrawlOutcome.Partial => "[yellow]部分失败[/]",
        _ => "[red]失败[/]",
    };
}
