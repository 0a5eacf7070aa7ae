using System.Net;
using System.Text;

namespace Crawler.Worker.SampleSite;

/// <summary>
/// A seed report (plain text, tables as tab-separated lines) rendered as a government article page: TRS metadata,
/// paragraphs, and the tables as &lt;table&gt; rows — what report pages on real sites look like.
/// </summary>
internal static class SeedReportPage
{
    public static string Render(string title, string seedText, string extraBody = "", string charset = "utf-8")
    {
        var body = new StringBuilder();
        var inTable = false;
        foreach (var line in Lines(seedText))
        {
            if (line.Contains('\t'))
            {
                if (!inTable) body.Append("<table border=\"1\" cellspacing=\"0\">");
                inTable = true;
                body.Append("<tr>").AppendJoin("", line.Split('\t').Select(c => $"<td>{WebUtility.HtmlEncode(c.Trim())}</td>")).Append("</tr>\n");
                continue;
            }
            if (inTable) body.Append("</table>\n");
            inTable = false;
            var text = line.Trim().TrimStart('#').Replace("**", "", StringComparison.Ordinal).Trim();
            if (text.Length > 0 && text != "---") body.Append("<p>").Append(WebUtility.HtmlEncode(text)).Append("</p>\n");
        }
        if (inTable) body.Append("</table>\n");
        return $"""
            <!DOCTYPE html>
            <html><head><meta charset="{charset}"><meta name="ArticleTitle" content="{WebUtility.HtmlEncode(title)}"><meta name="PubDate" content="2024-01-30">
            <title>{WebUtility.HtmlEncode(title)}</title></head>
            <body><div class="trs_editor_view"><h1>{WebUtility.HtmlEncode(title)}</h1>
            {body}{extraBody}</div></body></html>
            """;
    }

    public static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));
}
