using System.Globalization;
using System.Text.RegularExpressions;
using Crawler.Pipeline.Discovery.Pages;

namespace Crawler.Pipeline.Discovery.ListPages;

/// <summary>
/// TRS WCM lists paginate in script: <c>createPageHTML(N, cur, "index", "html")</c> (or the six-argument form with
/// a div id first, or <c>countPage</c>/<c>currentPage</c> variables); pages are index.html, index_1.html …
/// index_{N-1}.html in the same folder.
/// </summary>
public sealed partial class TrsPaginationReader : IListPageReader
{
    public void Read(HtmlPage page, ListPageFindings findings)
    {
        // The page may also carry the function's own definition; the first call with a resolvable count wins.
        foreach (Match call in CreatePageHtml().Matches(page.Html))
        {
            var args = call.Groups[1].Value.Split(',').Select(a => a.Trim().Trim('"', '\'')).ToList();
            if (args.Count > 0 && !IsNumberOrVariable(args[0], page.Html)) args.RemoveAt(0);
            if (args.Count < 4) continue;
            var count = Resolve(args[0], page.Html);
            var prefix = args[2];
            var suffix = args[3];
            if (count is not > 1 || prefix.Length == 0 || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) continue;

            AddPages(page, findings, count.Value, prefix, suffix);
            return;
        }

        // Some TRS templates only set countPage and page with their own script: index_N keeps the page's extension.
        var countPage = CountPage().Match(page.Html);
        var name = page.Url.Segments[^1];
        if (countPage.Success && int.TryParse(countPage.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pages) && pages > 1
            && (name.EndsWith('/') || name.StartsWith("index", StringComparison.OrdinalIgnoreCase)))
        {
            var extension = name.EndsWith('/') ? "html" : name[(name.LastIndexOf('.') + 1)..];
            AddPages(page, findings, pages, "index", extension);
        }
    }

    private static void AddPages(HtmlPage page, ListPageFindings findings, int count, string prefix, string suffix)
    {
        var folder = new Uri(page.Url, "./");
        var made = 0;
        for (var i = 1; i < count && made < findings.MaxPages; i++, made++)
            findings.AddPage(new ListPageRequest(new Uri(folder, $"{prefix}_{i}.{suffix}"), ListFormat.Html));
        findings.Declare(count, made);
    }

    private static bool IsNumberOrVariable(string arg, string html) => Resolve(arg, html) is not null;

    private static int? Resolve(string arg, string html)
    {
        if (int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        if (arg.Length == 0 || !arg.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) return null;
        var assignment = Regex.Match(html, $@"\b{Regex.Escape(arg)}\s*=\s*(\d+)", RegexOptions.None, TimeSpan.FromSeconds(1));
        return assignment.Success ? int.Parse(assignment.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\bcountPage\s*=\s*['""]?(\d+)")]
    private static partial Regex CountPage();

    [GeneratedRegex(@"createPageHTML\s*\(([^)]*)\)")]
    private static partial Regex CreatePageHtml();
}
