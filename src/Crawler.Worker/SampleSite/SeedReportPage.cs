using System.Net;
using System.Text;
using Crawler.Extraction.PlainText;
using Crawler.Reports.Documents;

namespace Crawler.Worker.SampleSite;

/// <summary>
/// A seed report (plain text, tables as tab-separated lines) rendered as a government article page: TRS metadata,
/// paragraphs, and the tables as &lt;table&gt; rows — what report pages on real sites look like.
/// </summary>
internal static class SeedReportPage
{
    /// <param name="publishedOn">The date the page states, as a TRS page does: its PubDate meta and a 发布时间 line.</param>
    public static string Render(string title, string seedText, DateOnly publishedOn, string extraBody = "", string charset = "utf-8")
    {
        // Read the seed the way the plain-text extractor does (tab-separated PDF text, one DOCX cell per line,
        // markdown), so each seed's tables come out as real <table> rows whatever its text layout.
        var body = new StringBuilder();
        foreach (var block in PlainTextDocumentReader.Read(seedText).Blocks)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    var text = paragraph.Text.Trim().TrimStart('#').Replace("**", "", StringComparison.Ordinal).Trim();
                    if (text.Length > 0 && text.Trim('-').Length > 0) body.Append("<p>").Append(WebUtility.HtmlEncode(text)).Append("</p>\n");
                    break;
                case Table table:
                    body.Append("<table border=\"1\" cellspacing=\"0\">\n");
                    foreach (var row in table.Rows)
                    {
                        // A page break inside the printed table: CMS editors paste each page as its own <table>.
                        if (row.StartsPage) body.Append("</table>\n<table border=\"1\" cellspacing=\"0\">\n");
                        body.Append("<tr>").AppendJoin("", row.Cells.Select(Cell)).Append("</tr>\n");
                    }
                    body.Append("</table>\n");
                    break;
            }
        }
        return $"""
            <!DOCTYPE html>
            <html><head><meta charset="{charset}"><meta name="ArticleTitle" content="{WebUtility.HtmlEncode(title)}"><meta name="PubDate" content="{publishedOn:yyyy-MM-dd} 09:30">
            <title>{WebUtility.HtmlEncode(title)}</title></head>
            <body><h1>{WebUtility.HtmlEncode(title)}</h1><div class="info">发布时间：{publishedOn:yyyy-MM-dd} 来源：本网</div>
            <div class="trs_editor_view">
            {body}{extraBody}</div></body></html>
            """;
    }

    private static string Cell(TableCell cell) =>
        $"<td{(cell.RowSpan > 1 ? $" rowspan=\"{cell.RowSpan}\"" : "")}{(cell.ColumnSpan > 1 ? $" colspan=\"{cell.ColumnSpan}\"" : "")}>{WebUtility.HtmlEncode(cell.Text.Trim())}</td>";

    public static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));
}
