using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crawler.Pipeline.Discovery.Classification;
using Crawler.Pipeline.Discovery.Pages;

namespace Crawler.Pipeline.Discovery.ListPages;

/// <summary>
/// Guangdong's 集约化 gkmlpt platform: the page's <c>window._CONFIG</c> names the site id (SID) and a TREE of
/// categories; the lists come from JSON at <c>/gkmlpt/api/all/{cat}?page=N&amp;sid=SID</c>. The categories whose
/// names are report columns (年报, 年度报告) are read; items are <c>{ "url", "title" }</c>.
/// </summary>
public sealed partial class GkmlptReader : IListPageReader
{
    public void Read(HtmlPage page, ListPageFindings findings)
    {
        var config = Config().Match(page.Html);
        if (!config.Success) return;
        var sid = Sid().Match(config.Value);
        if (!sid.Success) return;
        foreach (Match category in Category().Matches(config.Value))
        {
            var name = category.Groups[2].Value;
            if (ReportClassifier.Classify(name).Verdict is not (ReportVerdict.ReportColumn or ReportVerdict.Report)) continue;
            findings.MorePages.Add(new ListPageRequest(new Uri(page.Url, $"/gkmlpt/api/all/{category.Groups[1].Value}?page=1&sid={sid.Groups[1].Value}"), ListFormat.GkmlptJson));
        }
    }

    /// <summary>Reads one API page; from page 1 it also requests the remaining pages (total / page size).</summary>
    public static void ReadApi(Uri url, string json, ListPageFindings findings)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var articles = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("articles", out var a) && a.ValueKind == JsonValueKind.Array ? a : default;
            if (articles.ValueKind != JsonValueKind.Array) return;
            var size = 0;
            foreach (var article in articles.EnumerateArray())
            {
                size++;
                var href = article.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                var title = article.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (UrlKey.Resolve(url, href) is { } target) findings.Items.Add(new PageLink(target, HtmlPage.Collapse(title) ?? "") { ListedOn = PublishedOn(article) });
            }

            var page = QueryNumber(url, "page");
            if (page != 1 || size == 0 || !root.TryGetProperty("total", out var totalValue) || !totalValue.TryGetInt32(out var total)) return;
            var pages = (total + size - 1) / size;
            for (var next = 2; next <= pages; next++)
                findings.MorePages.Add(new ListPageRequest(new Uri(url, PageParameter().Replace(url.PathAndQuery, $"page={next}")), ListFormat.GkmlptJson));
        }
        catch (JsonException)
        {
            // Not JSON (an error page served with 200): nothing to list; the crawl result notes the empty page.
        }
    }

    /// <summary>gkmlpt items carry their publication time as a Unix timestamp or a date string.</summary>
    private static DateOnly? PublishedOn(JsonElement article)
    {
        foreach (var name in (string[])["first_publish_time", "publish_time", "display_publish_time", "date"])
        {
            if (!article.TryGetProperty(name, out var value)) continue;
            var text = value.ValueKind switch { JsonValueKind.Number => value.GetRawText(), JsonValueKind.String => value.GetString(), _ => null };
            if (Reports.Publication.DateText.ParseValue(text) is { } date) return date;
        }
        return null;
    }

    private static int? QueryNumber(Uri url, string name)
    {
        var match = Regex.Match(url.Query, $@"[?&]{name}=(\d+)", RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"window\._CONFIG\s*=\s*\{.*?\};?\s*(?:</script>|$)", RegexOptions.Singleline)]
    private static partial Regex Config();

    [GeneratedRegex(@"SID\s*[:=]\s*['""]?([\w\-]+)")]
    private static partial Regex Sid();

    [GeneratedRegex(@"[""']?id[""']?\s*:\s*['""]?(\d+)['""]?\s*,\s*[""']?name[""']?\s*:\s*['""]([^'""]+)['""]")]
    private static partial Regex Category();

    [GeneratedRegex(@"page=\d+")]
    private static partial Regex PageParameter();
}
