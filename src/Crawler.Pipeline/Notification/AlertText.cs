using System.Globalization;
using System.Text;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// The Chinese wording of an alert, as plain text (Feishu, e-mail) or as the Markdown subset the
/// WeCom and DingTalk robots render. Findings are cut, with a count of the rest, to fit a robot's size limit.
/// </summary>
public static class AlertText
{
    // China has one time zone and no daylight saving: deadlines and stamps are read in Beijing time.
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static string Label(AlertEventKind kind) => kind switch
    {
        AlertEventKind.NewReport => "新报告",
        AlertEventKind.NewVersion => "报告新版本",
        AlertEventKind.MissingReport => "年度报告逾期未发现",
        AlertEventKind.RuleViolation => "报告数据校验错误",
        _ => kind.ToString(),
    };

    public static string Subject(AlertEvent alert) =>
        $"【{Label(alert.Event)}】{alert.Agency} {YearText(alert.Year)}政府信息公开工作年度报告";

    public static string Plain(AlertEvent alert, int maxBytes = int.MaxValue) =>
        Compose(alert, markdown: false, separator: "\n", maxBytes);

    public static string Markdown(AlertEvent alert, string separator, int maxBytes = int.MaxValue) =>
        Compose(alert, markdown: true, separator, maxBytes);

    public static string Figure(decimal? value) =>
        value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "未填报";

    private static string YearText(int? year) => year is { } y ? $"{y}年度" : "（年度未识别）";

    private static string Compose(AlertEvent alert, bool markdown, string separator, int maxBytes)
    {
        var lines = new List<string> { markdown ? $"### {Subject(alert)}" : Subject(alert) };
        lines.AddRange(Facts(alert).Select(f => markdown ? $"**{f.Name}**：{f.Value}" : $"{f.Name}：{f.Value}"));
        if (alert.Event != AlertEventKind.MissingReport)
        {
            var figures = alert.Figures;
            var text = $"收到申请 {Figure(figures.NewReceived)}，予以公开 {Figure(figures.Granted)}，不予公开合计 {Figure(figures.DeniedTotal)}，" +
                       $"行政复议 {Figure(figures.ReviewTotal)}，行政诉讼 {Figure(figures.LitigationTotal)}";
            lines.Add(markdown ? $"> {text}" : text);
        }

        var findings = alert.Findings.Select(f => markdown
            ? $"- `{f.Code}` {SeverityLabel(f.Severity)} {f.Where}：{f.Message}"
            : $"- [{SeverityLabel(f.Severity)}] {f.Code} {f.Where}：{f.Message}").ToList();
        if (findings.Count > 0) lines.Add(markdown ? $"**校验发现（{findings.Count} 条）**" : $"校验发现（{findings.Count} 条）：");

        var builder = new StringBuilder(string.Join(separator, lines));
        for (var i = 0; i < findings.Count; i++)
        {
            var rest = findings.Count - i - 1;
            var tail = rest > 0 ? separator + $"……另有 {rest} 条，详见链接" : "";
            if (Encoding.UTF8.GetByteCount(builder + separator + findings[i] + tail) > maxBytes)
            {
                builder.Append(separator).Append($"……另有 {findings.Count - i} 条，详见链接");
                break;
            }
            builder.Append(separator).Append(findings[i]);
        }
        return builder.ToString();
    }

    private static IEnumerable<(string Name, string Value)> Facts(AlertEvent alert)
    {
        yield return ("机关", alert.Region is null ? alert.Agency : $"{alert.Agency}（{alert.Region}）");
        yield return ("年度", alert.Year?.ToString(CultureInfo.InvariantCulture) ?? "未识别");
        if (alert.Event == AlertEventKind.MissingReport)
        {
            var due = alert.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "截止日";
            var now = alert.OccurredAt.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return ("情况", $"应于 {due} 前公开，截至 {now} 仍未发现该年度报告");
            if (alert.Url is not null) yield return ("栏目", alert.Url.AbsoluteUri);
            yield break;
        }
        yield return ("标题", alert.Title);
        if (alert.Version is { } version) yield return ("版本", $"第 {version} 版");
        if (alert.Url is not null) yield return ("链接", alert.Url.AbsoluteUri);
        if (alert.DocumentUrl is not null && alert.DocumentUrl != alert.Url) yield return ("文件", alert.DocumentUrl.AbsoluteUri);
    }

    private static string SeverityLabel(string severity) => severity switch
    {
        "error" => "错误",
        "warning" => "警告",
        _ => "提示",
    };
}
