using System.Net;

namespace Crawler.LoadTest;

/// <summary>The HTML shapes of the simulated CMS families (column lists, Hanweb records, plain articles).</summary>
internal static class SimulatedMarkup
{
    public static string Article(string title, string text, string charset, string extra = "") =>
        $"<!DOCTYPE html><html><head><meta charset=\"{charset}\"><meta name=\"ArticleTitle\" content=\"{WebUtility.HtmlEncode(title)}\"><title>{WebUtility.HtmlEncode(title)}</title></head><body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{text}</p>{extra}</body></html>";

    public static string List(string title, IEnumerable<(string Href, string Text)> items, string extra = "", string charset = "utf-8") =>
        $"<!DOCTYPE html><html><head><meta charset=\"{charset}\"><title>{title}</title></head><body><h1>{title}</h1><ul>"
        + string.Concat(items.Select(i => $"<li><a href=\"{i.Href}\" title=\"{WebUtility.HtmlEncode(i.Text)}\">{WebUtility.HtmlEncode(i.Text)}</a><span>2024-01-30</span></li>"))
        + $"</ul>{extra}</body></html>";

    public static string HanwebColumn(IEnumerable<(string Href, string Title)> records) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府信息公开年报</title></head><body><div id=\"3971\"><script type=\"text/xml\"><datastore><recordset>"
        + string.Concat(records.Select(r => $"<record><![CDATA[<li><a href=\"{r.Href}\" title=\"{r.Title}\" target=\"_blank\">{r.Title}</a><span>2024-01-20</span></li>]]></record>"))
        + "</recordset></datastore></script></div></body></html>";
}
