using System.Globalization;
using System.Text;
using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Json;
using Crawler.Reports.Publication;

namespace Crawler.Worker.Status;

/// <summary>
/// <c>/agency/{sourceId}</c>: one agency's compliance year by year, every year's figures as small charts (and in full
/// below), the findings of each year's latest report, every version with links to its archived original and to what
/// changed from the version before, and the source's crawl state.
/// </summary>
internal static class AgencyPage
{
    public static string Render(AgencyModel model)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<h2>").AppendE(model.Agency).Append("</h2><p class=\"muted\">").AppendE(model.Region ?? "（未注明地区）").Append(" · 来源 ").AppendE(model.SourceId).Append("</p>");
        Years(html, model);
        var latest = model.Versions.Where(v => v.IsLatest).OrderBy(v => v.Year).ToList();
        var figures = latest.Select(v => ReportJson.Deserialize(v.ParsedJson).Report.Figures().ToDictionary(f => f.Key, f => f.Value)).ToList();
        SmallCharts(html, latest, figures);
        FullTable(html, latest, figures);
        Findings(html, latest);
        Versions(html, model);
        html.Append("<h2>抓取状态</h2><table><thead><tr><th>来源</th><th>机关</th><th>最近检查</th><th>最近变化</th><th>下次检查</th><th>最近问题</th></tr></thead><tbody>");
        OverviewPage.CrawlStateRow(html, model.Crawl);
        html.Append("</tbody></table>");
        return StatusLayout.Page(model.Agency, html.ToString());
    }

    private static void Years(StringBuilder html, AgencyModel model)
    {
        html.Append("<h2>历年公开情况</h2><table id=\"agency-years\"><thead><tr><th>报告年度</th><th>状态</th><th>发布日期</th><th>日期来源</th><th>截止日期</th><th>模板</th><th>勾稽关系</th><th>版本数</th></tr></thead><tbody>");
        foreach (var row in model.Years)
        {
            html.Append("<tr><td><a href=\"/?year=").Append(row.Year).Append("\">").Append(row.Year).Append("</a></td><td>").Append(StatusBadge.For(row)).Append("</td><td>")
                .AppendE(row.PublishedAt?.Text ?? "—").Append("</td><td>")
                .Append(row.PublishedAt is { } p ? $"<span title=\"{Html.E(p.Evidence)}\">{Html.E(DateSources.Label(p.Source))}</span>" : "—")
                .Append("</td><td>").Append(Html.Day(row.DueDate)).Append("</td><td>").AppendE(row.Template ?? "—").Append("</td><td>")
                .Append(row.Status == ComplianceStatus.Missing ? "—" : row.FiguresAddUp ? "<span class=\"ok\">一致</span>" : $"<span class=\"problem\">{Html.E(OverviewPage.Codes(row.RuleViolations))}</span>")
                .Append("</td><td class=\"n\">").Append(row.Versions).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    /// <summary>Table 2's cells, table 3's row totals and table 4's group totals: one small chart each, a bar per year.</summary>
    private static void SmallCharts(StringBuilder html, IReadOnlyList<ReportVersionRecord> latest, IReadOnlyList<Dictionary<string, decimal?>> figures)
    {
        html.Append("<h2>历年数据</h2>");
        if (latest.Count == 0)
        {
            html.Append("<p class=\"muted\">尚无已存储的报告。</p>");
            return;
        }
        var keys = figures.SelectMany(f => f.Keys).Distinct()
            .Where(k => k.StartsWith("activeDisclosure.", StringComparison.Ordinal) || k.EndsWith(".total", StringComparison.Ordinal))
            .Where(k => figures.Any(f => f.GetValueOrDefault(k) is not null)).ToList();
        var labels = latest.Select(v => v.Year.ToString(CultureInfo.InvariantCulture)).ToList();
        html.Append("<div class=\"small-multiples\" id=\"figure-charts\">");
        foreach (var key in keys)
        {
            var color = key.StartsWith("activeDisclosure.", StringComparison.Ordinal) ? "#00897b" : key.StartsWith("applications.", StringComparison.Ordinal) ? "#1565c0" : "#6a1b9a";
            html.Append("<div class=\"chart\" title=\"").AppendE(FigureLabels.Of(key)).Append("\">")
                .Append(SvgChart.Bars(Short(FigureLabels.Of(key)), labels, [.. figures.Select(f => f.GetValueOrDefault(key))], color, 200, 130)).Append("</div>");
        }
        html.Append("</div>");
    }

    private static void FullTable(StringBuilder html, IReadOnlyList<ReportVersionRecord> latest, IReadOnlyList<Dictionary<string, decimal?>> figures)
    {
        if (latest.Count == 0) return;
        html.Append("<details><summary>全部数据项（每年最新版本）</summary><table id=\"figures\"><thead><tr><th>数据项</th>");
        foreach (var version in latest) html.Append("<th>").Append(version.Year).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var key in figures.SelectMany(f => f.Keys).Distinct())
        {
            html.Append("<tr><td>").AppendE(FigureLabels.Of(key)).Append("</td>");
            foreach (var year in figures) html.Append("<td class=\"n\">").Append(Html.Number(year.GetValueOrDefault(key))).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table></details>");
    }

    private static void Findings(StringBuilder html, IReadOnlyList<ReportVersionRecord> latest)
    {
        html.Append("<h2>发现</h2>");
        foreach (var version in latest.OrderByDescending(v => v.Year))
        {
            html.Append("<h3>").Append(version.Year).Append(" 年度报告（第 ").Append(version.Version).Append(" 版）</h3>");
            if (version.Findings.Count == 0)
            {
                html.Append("<p class=\"ok\">无发现。</p>");
                continue;
            }
            html.Append("<ul class=\"findings\">");
            foreach (var finding in version.Findings)
            {
                var css = finding.Severity == Reports.Model.FindingSeverity.Error ? "problem" : "";
                html.Append("<li class=\"").Append(css).Append("\"><code>").AppendE(finding.Code).Append("</code> ").AppendE(finding.Message).Append(" <span class=\"muted small\">").AppendE(finding.Where).Append("</span></li>");
            }
            html.Append("</ul>");
        }
    }

    private static void Versions(StringBuilder html, AgencyModel model)
    {
        html.Append("<h2>版本</h2><table id=\"versions\"><thead><tr><th>报告年度</th><th>版本</th><th>发布日期</th><th>抓取时间</th><th>格式</th><th>原始地址</th><th>存档原件</th><th>与上一版相比</th></tr></thead><tbody>");
        foreach (var version in model.Versions.OrderByDescending(v => v.Year).ThenByDescending(v => v.Version))
        {
            html.Append("<tr><td>").Append(version.Year).Append("</td><td>").Append(version.Version).Append(version.IsLatest ? "（最新）" : "").Append("</td><td>")
                .AppendE(version.PublishedAt is { } p ? $"{p.Text}（{DateSources.Label(p.Source)}）" : "—").Append("</td><td>").Append(Html.Time(version.FetchedAt))
                .Append("</td><td>").AppendE(version.MediaType).Append("</td><td class=\"small\"><a href=\"").AppendE(version.DocumentUrl.AbsoluteUri).Append("\" rel=\"noreferrer\">")
                .AppendE(version.DocumentUrl.AbsoluteUri).Append("</a></td><td><a href=\"/archive/").Append(version.Sha256).Append("\">原件</a> <span class=\"muted small\">")
                .Append(version.Sha256[..12]).Append("…</span></td><td>");
            if (version.Version > 1) html.Append("<a href=\"/agency/").Append(Html.Q(model.SourceId)).Append("/changes/").Append(version.VersionId).Append("\">查看变化</a>");
            else html.Append("—");
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    /// <summary>表三 · 予以公开 · 总计 → 予以公开: the chart's title keeps the row's own words.</summary>
    private static string Short(string label)
    {
        var parts = label.Split(" · ");
        return parts.Length >= 3 ? (parts[^1] is "总计" ? parts[^2] : $"{parts[^2]} · {parts[^1]}") : label;
    }
}
