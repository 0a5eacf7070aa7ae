using System.Text;

namespace Crawler.Worker.Status;

/// <summary>
/// The shell every status page shares: Chinese, self-contained (styles inline, charts as inline SVG, no scripts, fonts
/// from the system), so it works offline and the Content-Security-Policy can forbid every outside request.
/// </summary>
internal static class StatusLayout
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private const string Styles = """
        body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#1f2328;background:#f6f7f9;font-size:14px}
        header{background:#8c1c13;color:#fff;padding:12px 24px}header a{color:#fff;text-decoration:none}header h1{margin:0;font-size:20px;font-weight:600}
        main{padding:16px 24px;max-width:1400px}h2{font-size:17px;margin:24px 0 8px;border-left:4px solid #8c1c13;padding-left:8px}h3{font-size:15px;margin:16px 0 6px}
        table{border-collapse:collapse;background:#fff;width:100%}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eef1f4;font-weight:600}
        td.n{text-align:right;font-variant-numeric:tabular-nums}a{color:#0b57d0}.muted{color:#656d76}.small{font-size:12px}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:13px;white-space:nowrap}
        .onTime{background:#2e7d32}.late{background:#d84315}.missing{background:#b71c1c}.unknownDate{background:#f9a825;color:#1f2328}
        .cards{display:flex;gap:12px;flex-wrap:wrap}.card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px 16px;min-width:110px}
        .card b{display:block;font-size:24px}.ok{color:#2e7d32}.bad{color:#b71c1c}
        .charts{display:flex;gap:16px;flex-wrap:wrap}.chart{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px}
        .small-multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:8px}
        form.filters{background:#fff;border:1px solid #d0d7de;padding:8px 12px;margin:8px 0;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
        nav.years a{margin-right:8px}nav.years a.current{font-weight:700;text-decoration:none;color:#1f2328}
        details>summary{cursor:pointer;margin:8px 0}.problem{color:#b71c1c}
        """;

    public static string Page(string title, string body)
    {
        var html = new StringBuilder(body.Length + 4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").AppendE(title).Append("</title><style>").Append(Styles).Append("</style></head><body>")
            .Append("<header><h1><a href=\"/\">政府信息公开工作年度报告 · 公开情况</a></h1></header><main>")
            .Append(body)
            .Append("</main></body></html>");
        return html.ToString();
    }
}
