using System.Text;
using Crawler.Pipeline.Compliance;
using Crawler.Reports.Json;
using Crawler.Reports.Publication;

namespace Crawler.Worker.Status;

/// <summary><c>/agency/{sourceId}/changes/{versionId}</c>: what a version changed from the one before it — figures, findings, provenance.</summary>
internal static class ChangesPage
{
    public static string Render(AgencyModel agency, ChangesModel model)
    {
        var (before, after) = (model.Previous, model.Current);
        var html = new StringBuilder(16 * 1024);
        html.Append("<h2>").AppendE(agency.Agency).Append(' ').Append(after.Year).Append(" 年度报告：第 ").Append(before.Version).Append(" 版 → 第 ").Append(after.Version).Append(" 版</h2>")
            .Append("<p><a href=\"/agency/").Append(Html.Q(agency.SourceId)).Append("\">返回机关页面</a></p>");

        html.Append("<h3>来源与日期</h3><table id=\"provenance\"><thead><tr><th></th><th>第 ").Append(before.Version).Append(" 版</th><th>第 ").Append(after.Version).Append(" 版</th></tr></thead><tbody>");
        Row(html, "原始地址", before.DocumentUrl.AbsoluteUri, after.DocumentUrl.AbsoluteUri);
        Row(html, "格式", before.MediaType, after.MediaType);
        Row(html, "模板", before.Template, after.Template);
        Row(html, "发布日期", Published(before.PublishedAt), Published(after.PublishedAt));
        Row(html, "抓取时间", Html.Time(before.FetchedAt), Html.Time(after.FetchedAt));
        Row(html, "存档原件", $"/archive/{before.Sha256}", $"/archive/{after.Sha256}", link: true);
        html.Append("</tbody></table>");

        var old = ReportJson.Deserialize(before.ParsedJson).Report.Figures().ToDictionary(f => f.Key, f => f.Value);
        var changed = ReportJson.Deserialize(after.ParsedJson).Report.Figures()
            .Where(f => old.GetValueOrDefault(f.Key) != f.Value).Select(f => (f.Key, Before: old.GetValueOrDefault(f.Key), After: f.Value)).ToList();
        html.Append("<h3>数据项变化（").Append(changed.Count).Append(" 项）</h3>");
        if (changed.Count == 0) html.Append("<p class=\"muted\">数据项没有变化（文字或版式不同）。</p>");
        else
        {
            html.Append("<table id=\"changed-figures\"><thead><tr><th>数据项</th><th>原值</th><th>新值</th><th>变化</th></tr></thead><tbody>");
            foreach (var (key, was, now) in changed)
            {
                html.Append("<tr><td>").AppendE(FigureLabels.Of(key)).Append("</td><td class=\"n\">").Append(Html.Number(was)).Append("</td><td class=\"n\">").Append(Html.Number(now))
                    .Append("</td><td class=\"n\">").Append(was is { } a && now is { } b ? (b - a > 0 ? "+" : "") + Html.Number(b - a) : "—").Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }

        var previous = before.Findings.Select(f => (f.Code, f.Message)).ToHashSet();
        var current = after.Findings.Select(f => (f.Code, f.Message)).ToHashSet();
        html.Append("<h3>发现的变化</h3><ul>");
        foreach (var (code, message) in current.Except(previous)) html.Append("<li class=\"problem\">新增 <code>").AppendE(code).Append("</code> ").AppendE(message).Append("</li>");
        foreach (var (code, message) in previous.Except(current)) html.Append("<li class=\"ok\">消除 <code>").AppendE(code).Append("</code> ").AppendE(message).Append("</li>");
        if (current.SetEquals(previous)) html.Append("<li class=\"muted\">没有变化。</li>");
        html.Append("</ul>");
        return StatusLayout.Page($"{agency.Agency} {after.Year} 年度报告的变化", html.ToString());
    }

    private static string Published(PublicationDate? date) => date is null ? "—" : $"{date.Text}（{DateSources.Label(date.Source)}）";

    private static void Row(StringBuilder html, string label, string before, string after, bool link = false)
    {
        string Cell(string value) => link ? $"<a href=\"{Html.E(value)}\">原件</a>" : Html.E(value);
        var css = before == after ? "" : " class=\"problem\"";
        html.Append("<tr><th>").AppendE(label).Append("</th><td>").Append(Cell(before)).Append("</td><td").Append(css).Append('>').Append(Cell(after)).Append("</td></tr>");
    }
}
