namespace Crawler.Extraction.Html;

/// <summary>
/// Which links lead to a document file: the one list of extensions that both discovery (what to fetch as an
/// attachment) and extraction (what a report page links) use. A file whose format extraction cannot read is still
/// fetched and archived, and then quarantined with its reason: the original is kept.
/// </summary>
public static class AttachmentFiles
{
    public static IReadOnlyList<string> Extensions { get; } =
        [".pdf", ".doc", ".docx", ".wps", ".rtf", ".txt", ".xls", ".xlsx", ".et", ".ofd"];

    /// <summary>
    /// True when the path ends in a document extension, or when a download script names the file in its query
    /// (<c>/module/download/downfile.jsp?filename=….pdf</c>).
    /// </summary>
    public static bool IsDocument(Uri url) =>
        url.IsAbsoluteUri ? IsDocument(url.AbsolutePath, url.Query) : IsDocument(url.OriginalString);

    /// <summary>The same test for a link as written, absolute or relative; the fragment is ignored.</summary>
    public static bool IsDocument(string target)
    {
        var fragment = target.IndexOf('#');
        if (fragment >= 0) target = target[..fragment];
        var query = target.IndexOf('?');
        return query < 0 ? IsDocument(target, "") : IsDocument(target[..query], target[query..]);
    }

    private static bool IsDocument(string path, string query)
    {
        if (EndsInExtension(Uri.UnescapeDataString(path))) return true;
        var parameters = Uri.UnescapeDataString(query);
        return parameters.Length > 0 && parameters.Split('&', '?').Any(EndsInExtension);
    }

    private static bool EndsInExtension(string text) =>
        Extensions.Any(e => text.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
