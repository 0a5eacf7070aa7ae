using System.Net;

namespace Crawler.Pipeline.Discovery.Pages;

/// <summary>
/// The sites a source may be crawled on: the registrable domains of its start URLs (liaocheng.gov.cn covers
/// www.liaocheng.gov.cn and xxgk.liaocheng.gov.cn), or the exact host for IP addresses and single-label hosts.
/// </summary>
public sealed class SiteScope(IEnumerable<Uri> startUrls)
{
    private static readonly HashSet<string> SecondLevel = ["gov", "com", "edu", "org", "net", "ac", "mil"];
    private readonly HashSet<string> sites = [.. startUrls.Select(SiteOf)];

    public bool Contains(Uri url) => sites.Contains(SiteOf(url));

    public static string SiteOf(Uri url)
    {
        var host = url.IdnHost.ToLowerInvariant().TrimEnd('.');
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || IPAddress.TryParse(host.Trim('[', ']'), out _)) return host;
        var labels = host.Split('.');
        if (labels.Length <= 2) return host;
        var take = labels[^1].Length == 2 && SecondLevel.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^take..]);
    }
}
