using System.Globalization;
using System.Text.RegularExpressions;
using Crawler.Pipeline.Discovery.Pages;
using HtmlAgilityPack;

namespace Crawler.Pipeline.Discovery.ListPages;

/// <summary>
/// Hanweb (大汉) columns embed their first records as
/// <c>&lt;script type="text/xml"&gt;&lt;datastore&gt;&lt;recordset&gt;&lt;record&gt;&lt;![CDATA[&lt;li&gt;…&lt;/li&gt;]]&gt;</c>
/// and load the rest by POST to <c>/module/web/jpage/dataproxy.jsp?startrecord=&amp;endrecord=&amp;perpage=</c> with
/// the column's columnid, unitid and webid, which the page's jpage call names.
/// </summary>
public sealed partial class HanwebColumnReader : IListPageReader
{
    public void Read(HtmlPage page, ListPageFindings findings)
    {
        var store = DataStore().Match(page.Html);
        if (!store.Success) return;
        var embedded = ReadRecords(page.BaseUrl, store.Groups[1].Value, findings);

        var total = Number(TotalRecord(), page.Html);
        var columnId = Number(ColumnId(), page.Html);
        if (total is null || columnId is null || embedded == 0 || total <= embedded) return;
        var perPage = Number(PerPage(), page.Html) ?? embedded;
        var form = new List<KeyValuePair<string, string>>
        {
            new("col", "1"),
            new("appid", "1"),
            new("webid", Number(WebId(), page.Html)?.ToString(CultureInfo.InvariantCulture) ?? "1"),
            new("path", "/"),
            new("columnid", columnId.Value.ToString(CultureInfo.InvariantCulture)),
            new("sourceContentType", "1"),
            new("unitid", Number(UnitId(), page.Html)?.ToString(CultureInfo.InvariantCulture) ?? ""),
            new("permissiontype", "0"),
        };
        var made = 0;
        for (long start = embedded + 1; start <= total && made < findings.MaxPages; start += embedded, made++)
        {
            var end = Math.Min(start + embedded - 1, total.Value);
            var url = new Uri(page.Url, $"/module/web/jpage/dataproxy.jsp?startrecord={start}&endrecord={end}&perpage={perPage}");
            findings.AddPage(new ListPageRequest(url, ListFormat.HanwebRecords) { Form = form });
        }
        findings.Declare(((long)total.Value + embedded - 1) / embedded, made);
    }

    /// <summary>Reads the &lt;record&gt; entries of a datastore (embedded or from dataproxy.jsp); returns how many.</summary>
    public static int ReadRecords(Uri baseUrl, string datastore, ListPageFindings findings)
    {
        var count = 0;
        foreach (Match record in Record().Matches(datastore))
        {
            count++;
            var fragment = new HtmlDocument();
            fragment.LoadHtml(record.Groups[1].Value);
            foreach (var link in HtmlPage.AnchorsIn(fragment.DocumentNode, baseUrl)) findings.AddItem(link);
        }
        return count;
    }

    private static int? Number(Regex pattern, string html)
    {
        var match = pattern.Match(html);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    [GeneratedRegex(@"<script[^>]*type\s*=\s*[""']text/xml[""'][^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex DataStore();

    [GeneratedRegex(@"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Record();

    [GeneratedRegex(@"(?:<totalrecord>|totalRecord\s*[:=]\s*['""]?)(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex TotalRecord();

    [GeneratedRegex(@"perPage\s*[:=]\s*['""]?(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex PerPage();

    [GeneratedRegex(@"columnid\s*[:=]\s*['""]?(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnId();

    [GeneratedRegex(@"unitid\s*[:=]\s*['""]?(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex UnitId();

    [GeneratedRegex(@"webid\s*[:=]\s*['""]?(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex WebId();
}
