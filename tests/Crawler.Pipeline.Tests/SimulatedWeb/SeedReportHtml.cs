using System.Net;
using System.Text;
using Crawler.Tests.Shared;

namespace Crawler.Pipeline.Tests.SimulatedWeb;

/// <summary>A seed report rendered the way TRS/Hanweb article pages hold them: paragraphs and inline tables.</summary>
public static class SeedReportHtml
{
    public static string SeedText(int index) =>
        File.ReadAllText(Directory.GetFiles(RepositoryPaths.Seeds, $"{index:000}_*.txt").Single());

    public static string Render(string title, string seedText, string extraBody = "", string charset = "utf-8")
    {
        var body = new StringBuilder();
        var inTable = false;
        foreach (var line in seedText.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.Contains('\t'))
            {
                if (!inTable) body.Append("<table border=\"1\">");
                inTable = true;
                body.Append("<tr>").Append(string.Concat(line.Split('\t').Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>"))).Append("</tr>");
                continue;
            }
            if (inTable) body.Append("</table>");
            inTable = false;
            if (line.Trim().Length > 0) body.Append("<p>").Append(WebUtility.HtmlEncode(line.Trim())).Append("</p>");
        }
        if (inTable) body.Append("</table>");
        return $"<!DOCTYPE html><html><head><meta charset=\"{charset}\"><meta name=\"ArticleTitle\" content=\"{title}\"><meta name=\"PubDate\" content=\"2024-01-30\">"
            + $"<title>{title}_政府信息公开</title></head><body><div class=\"trs_editor_view\"><h1>{title}</h1>{body}{extraBody}</div></body></html>";
    }
}
