using System.Globalization;
using System.Text;
using Crawler.Pipeline.Compliance;
using Crawler.Reports.Publication;

namespace Crawler.Worker.Status;

/// <summary>
/// <c>/</c>: the year's compliance list (filtered by region and status), its counts, late and missing by province,
/// requests received and their outcomes per year across agencies, and every source's crawl state.
/// </summary>
internal static class OverviewPage
{
    public static string Render(OverviewModel model)
    {
        var html = new StringBuilder(64 * 1024 + model.AllRows.Count * 600);
        html.Append(CultureInfo.InvariantCulture, $"<h2>{model.Year} 年度报告公开情况</h2>");
        html.Append("<nav class=\"years\">报告年度：");
        foreach (var year in model.Years)
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"/?year={year}\"{(year == model.Year ? " class=\"current\"" : "")}>{year}</a>");
        html.Append("</nav>");
        Summary(html, model);
        Filters(html, model);
        ComplianceTable(html, model);
        ByProvince(html, model);
        Charts(html, model);
        CrawlStates(html, model);
        return StatusLayout.Page($"{model.Year} 年度报告公开情况", html.ToString());
    }

    private static void Summary(StringBuilder html, OverviewModel model)
    {
        var rows = model.AllRows;
        int Count(ComplianceStatus status) => rows.Count(r => r.Status == status);
        var dueDates = rows.Select(r => r.DueDate).Distinct().Order().Select(Html.Day).ToList();
        html.Append("<p class=\"muted\">截止日期：").AppendE(dueDates.Count == 0 ? Html.Day(ComplianceDeadlines.Regulation(model.Year)) : string.Join("、", dueDates))
            .Append("（北京时间，以报告自身的发布日期判断）。共 ").Append(rows.Count).Append(" 个机关。</p><div class=\"cards\">");
        foreach (var status in Enum.GetValues<ComplianceStatus>())
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\" id=\"count-{ComplianceStatuses.Name(status)}\"><span class=\"badge {ComplianceStatuses.Name(status)}\">{ComplianceStatuses.Label(status)}</span><b>{Count(status)}</b></div>");
        }
        var nonStandard = rows.Count(r => r.Template is not null && !r.StandardFormat);
        var inconsistent = rows.Count(r => r.Status != ComplianceStatus.Missing && !r.FiguresAddUp);
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\">非标准格式<b class=\"{(nonStandard > 0 ? "bad" : "ok")}\">{nonStandard}</b></div>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\">勾稽关系不一致<b class=\"{(inconsistent > 0 ? "bad" : "ok")}\">{inconsistent}</b></div></div>");
        html.Append("<div class=\"chart\" id=\"status-chart\">")
            .Append(SvgChart.Proportion($"{model.Year} 年度公开情况", [.. Enum.GetValues<ComplianceStatus>().Select(s => (ComplianceStatuses.Label(s), StatusBadge.Color(s), Count(s)))]))
            .Append("</div>");
    }

    private static void Filters(StringBuilder html, OverviewModel model)
    {
        html.Append("<form class=\"filters\" method=\"get\" action=\"/\">")
            .Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"year\" value=\"{model.Year}\">")
            .Append("<label>地区 <select name=\"region\"><option value=\"\">全部</option>");
        foreach (var region in model.Regions)
            html.Append("<option value=\"").AppendE(region).Append('"').Append(region == model.Region ? " selected" : "").Append('>').AppendE(region).Append("</option>");
        html.Append("</select></label><label>状态 <select name=\"status\"><option value=\"\">全部</option>");
        foreach (var status in Enum.GetValues<ComplianceStatus>())
        {
            var name = ComplianceStatuses.Name(status);
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{name}\"{(status == model.Status ? " selected" : "")}>{ComplianceStatuses.Label(status)}</option>");
        }
        html.Append("</select></label><button type=\"submit\">筛选</button>");
        if (model.Region is not null || model.Status is not null)
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"muted\">显示 {model.Rows.Count} / {model.AllRows.Count} 个机关</span> <a href=\"/?year={model.Year}\">清除筛选</a>");
        html.Append("</form>");
    }

    private static void ComplianceTable(StringBuilder html, OverviewModel model)
    {
        html.Append("<table id=\"compliance\"><thead><tr><th>机关</th><th>地区</th><th>状态</th><th>发布日期</th><th>日期来源</th><th>截止日期</th><th>模板</th><th>勾稽关系</th><th>其他发现</th></tr></thead><tbody>");
        foreach (var row in model.Rows)
        {
            html.Append("<tr data-status=\"").Append(ComplianceStatuses.Name(row.Status)).Append("\"><td>");
            if (row.SourceId is not null) html.Append("<a href=\"/agency/").Append(Html.Q(row.SourceId)).Append("\">").AppendE(row.Agency).Append("</a>");
            else html.AppendE(row.Agency);
            html.Append("</td><td>").AppendE(row.Region ?? "—").Append("</td><td>").Append(StatusBadge.For(row)).Append("</td><td>")
                .AppendE(row.PublishedAt?.Text ?? "—").Append("</td><td>");
            if (row.PublishedAt is { } published) html.Append("<span title=\"").AppendE(published.Evidence).Append("\">").AppendE(DateSources.Label(published.Source)).Append("</span>");
            else html.Append('—');
            html.Append("</td><td>").Append(Html.Day(row.DueDate)).Append("</td><td>")
                .Append(row.Template is null ? "—" : row.StandardFormat ? Html.E(row.Template) : $"<span class=\"problem\">{Html.E(row.Template)}（非标准）</span>")
                .Append("</td><td>")
                .Append(row.Status == ComplianceStatus.Missing ? "—" : row.FiguresAddUp ? "<span class=\"ok\">一致</span>" : $"<span class=\"problem\">{Html.E(Codes(row.RuleViolations))}</span>")
                .Append("</td><td class=\"small\">").AppendE(Codes(row.OtherFindings)).Append("</td></tr>");
        }
        if (model.Rows.Count == 0) html.Append("<tr><td colspan=\"9\" class=\"muted\">没有符合条件的机关。</td></tr>");
        html.Append("</tbody></table>");
    }

    private static void ByProvince(StringBuilder html, OverviewModel model)
    {
        var groups = model.AllRows.GroupBy(r => r.Region is null ? "（未注明地区）" : StatusQueries.Province(r.Region)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        html.Append("<h2>按地区：逾期与未发布</h2><table id=\"by-region\"><thead><tr><th>地区</th><th>机关数</th>");
        foreach (var status in Enum.GetValues<ComplianceStatus>()) html.Append("<th>").Append(ComplianceStatuses.Label(status)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var group in groups)
        {
            html.Append("<tr><td><a href=\"/?year=").Append(model.Year).Append("&amp;region=").Append(Html.Q(group.Key)).Append("\">").AppendE(group.Key).Append("</a></td><td class=\"n\">").Append(group.Count()).Append("</td>");
            foreach (var status in Enum.GetValues<ComplianceStatus>())
            {
                var count = group.Count(r => r.Status == status);
                var alarming = count > 0 && status is ComplianceStatus.Late or ComplianceStatus.Missing;
                html.Append("<td class=\"n").Append(alarming ? " problem" : "").Append("\">").Append(count).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void Charts(StringBuilder html, OverviewModel model)
    {
        var years = model.YearTotals;
        html.Append("<h2>各年度依申请公开情况（全部机关合计）</h2>");
        if (years.Count == 0)
        {
            html.Append("<p class=\"muted\">尚无已存储的报告。</p>");
            return;
        }
        var labels = years.Select(y => $"{y.Year}").ToList();
        html.Append("<div class=\"charts\"><div class=\"chart\" id=\"requests-chart\">")
            .Append(SvgChart.Bars("本年新收政府信息公开申请数量", labels, [.. years.Select(y => (decimal?)y.Sums["applications.newReceived.total"])], "#1565c0"))
            .Append("</div><div class=\"chart\" id=\"outcomes-chart\">")
            .Append(SvgChart.Stacked("办理结果", labels, [.. StatusQueries.Outcomes.Select(o => new SvgChart.Series(o.Name, o.Color,
                [.. years.Select(y => o.Rows.Sum(r => y.Sums[$"applications.{r}.total"]))]))]))
            .Append("</div></div><p class=\"muted small\">每份报告取最新版本；报告数：")
            .AppendE(string.Join("，", years.Select(y => $"{y.Year} 年 {y.Reports} 份"))).Append("。</p>");
    }

    private static void CrawlStates(StringBuilder html, OverviewModel model)
    {
        var problems = model.CrawlStates.Count(s => s.State?.LastProblem is not null || s.State?.Quarantined > 0);
        html.Append("<h2>抓取状态</h2><details id=\"crawl-states\"").Append(model.CrawlStates.Count <= 50 ? " open" : "").Append("><summary>")
            .Append(model.CrawlStates.Count).Append(" 个来源，").Append(problems).Append(" 个有问题</summary>")
            .Append("<table><thead><tr><th>来源</th><th>机关</th><th>最近检查</th><th>最近变化</th><th>下次检查</th><th>最近问题</th></tr></thead><tbody>");
        foreach (var line in model.CrawlStates.OrderByDescending(l => l.State?.LastProblemAt ?? DateTimeOffset.MinValue).ThenBy(l => l.SourceId, StringComparer.Ordinal))
            CrawlStateRow(html, line);
        html.Append("</tbody></table></details>");
    }

    public static void CrawlStateRow(StringBuilder html, CrawlStateLine line)
    {
        var state = line.State;
        html.Append("<tr><td><a href=\"/agency/").Append(Html.Q(line.SourceId)).Append("\">").AppendE(line.SourceId).Append("</a></td><td>").AppendE(line.Agency)
            .Append("</td><td>").Append(Html.Time(state?.LastChecked)).Append("</td><td>").Append(Html.Time(state?.LastChanged))
            .Append("</td><td>").Append(line.NextRun is null ? "—（未在计划中）" : Html.Time(line.NextRun)).Append("</td><td class=\"small\">");
        if (state?.LastProblem is { } problem) html.Append("<span class=\"problem\">").Append(Html.Time(state.LastProblemAt)).Append("：").AppendE(problem).Append("</span>");
        if (state?.Quarantined > 0) html.Append(" <span class=\"problem\">隔离文档 ").Append(state.Quarantined).Append(" 个</span>");
        if (state?.LastProblem is null && state?.Quarantined is null or 0) html.Append('—');
        html.Append("</td></tr>");
    }

    public static string Codes(IEnumerable<Reports.Model.Finding> findings) =>
        string.Join(" ", findings.GroupBy(f => f.Code).Select(g => g.Count() > 1 ? $"{g.Key}×{g.Count()}" : g.Key));
}
