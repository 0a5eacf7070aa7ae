namespace Crawler.Extraction.Sniffing;

/// <summary>What the Content-Type and the name's extension claim; used only to choose among formats the bytes allow.</summary>
internal sealed record FormatHints(bool Html, bool Doc, bool Wps)
{
    public static FormatHints From(SourceDocument document)
    {
        var type = document.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        var extension = Extension(document.Name);
        return new FormatHints(
            Html: type is "text/html" or "application/xhtml+xml" || (type == "" && extension is ".html" or ".htm" or ".shtml" or ".xhtml" or ".jsp" or ".asp" or ".aspx" or ".php"),
            Doc: type == "application/msword" || (type is "" or "application/octet-stream" && extension is ".doc"),
            Wps: type is "application/kswps" or "application/wps-office.wps" or "application/vnd.ms-works"
                 || (type is "" or "application/octet-stream" && extension is ".wps"));
    }

    /// <summary>The extension of a file name or of a URL's path (query and fragment ignored), lower-case.</summary>
    public static string Extension(string name)
    {
        var path = Uri.TryCreate(name, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsolutePath : name;
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0) path = path[..cut];
        return Path.GetExtension(path).ToLowerInvariant();
    }
}
