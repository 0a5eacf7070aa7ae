namespace Crawler.Pipeline.Discovery.Pages;

/// <summary>
/// The visited-set key of a URL: scheme and host lower-cased, default port and fragment dropped, and a trailing
/// index.html/.shtml/.htm folded into its folder (TRS serves the same list at …/zfxxgknb/ and …/zfxxgknb/index.html).
/// </summary>
public static class UrlKey
{
    private static readonly string[] IndexNames = ["index.html", "index.shtml", "index.htm"];

    public static string Of(Uri url, IReadOnlyList<KeyValuePair<string, string>>? form = null)
    {
        var path = url.AbsolutePath;
        foreach (var name in IndexNames)
        {
            if (path.EndsWith("/" + name, StringComparison.OrdinalIgnoreCase)) path = path[..^name.Length];
        }
        var port = url.IsDefaultPort ? "" : ":" + url.Port;
        var key = $"{url.Scheme.ToLowerInvariant()}://{url.IdnHost.ToLowerInvariant()}{port}{path}{url.Query}";
        return form is null ? key : key + " POST " + string.Join("&", form.Select(f => f.Key + "=" + f.Value));
    }

    /// <summary>Resolves an href against the page, or null for javascript:, mailto:, bare fragments and malformed values.</summary>
    public static Uri? Resolve(Uri page, string? href)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        href = System.Net.WebUtility.HtmlDecode(href.Trim());
        if (href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
            return null;
        if (!Uri.TryCreate(page, href, out var resolved)) return null;
        if (resolved.Scheme != Uri.UriSchemeHttp && resolved.Scheme != Uri.UriSchemeHttps) return null;
        return resolved.Fragment.Length == 0 ? resolved : new UriBuilder(resolved) { Fragment = "" }.Uri;
    }
}
