using System.Text.RegularExpressions;
using Crawler.Pipeline.Discovery.Pages;

namespace Crawler.Pipeline.Discovery;

/// <summary>
/// Report columns recognised by URL shape when their link text says nothing useful: the folder names CMSs give
/// 年报 columns (zfxxgknb, xxgkndbg …), and year sub-columns ("2023年" → …/2023n/) below the current column.
/// </summary>
internal static partial class ColumnShape
{
    private static readonly string[] Folders = ["zfxxgknb", "xxgkndbg", "zfxxgkndbg", "gknb", "ndbg", "nianbao", "xxgknb", "bmxxgknb"];

    public static bool IsReportColumnFolder(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return false;
        var last = segments[^1];
        var folderIndex = last.StartsWith("index", StringComparison.OrdinalIgnoreCase) || url.AbsolutePath.EndsWith('/') ? segments.Length - (url.AbsolutePath.EndsWith('/') ? 1 : 2) : -1;
        return folderIndex >= 0 && Folders.Contains(segments[folderIndex].ToLowerInvariant());
    }

    public static bool IsYearSubColumn(PageLink link, Uri page)
    {
        if (!YearOnly().IsMatch(link.Text.Replace(" ", "", StringComparison.Ordinal))) return false;
        var folder = page.AbsolutePath[..(page.AbsolutePath.LastIndexOf('/') + 1)];
        return link.Url.Host == page.Host && link.Url.AbsolutePath.StartsWith(folder, StringComparison.Ordinal) && link.Url.AbsolutePath.Length > folder.Length;
    }

    [GeneratedRegex(@"^(19|20)\d{2}年度?$")]
    private static partial Regex YearOnly();
}
