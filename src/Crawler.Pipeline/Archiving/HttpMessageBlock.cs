using System.Globalization;
using System.Text;
using Crawler.Pipeline.Fetching;
using Microsoft.AspNetCore.WebUtilities;

namespace Crawler.Pipeline.Archiving;

/// <summary>The HTTP head of a request or response as a WARC block carries it (ISO-8859-1 lines, CRLF).</summary>
internal static class HttpMessageBlock
{
    private static readonly Encoding HeaderEncoding = Encoding.Latin1;

    public static byte[] Request(FetchedResponse response)
    {
        var url = response.FinalUrl;
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"GET {url.PathAndQuery} HTTP/{response.HttpVersion}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Host: {url.Authority}\r\n");
        foreach (var (name, value) in response.RequestHeaders)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase)) continue;
            head.Append(CultureInfo.InvariantCulture, $"{name}: {Clean(value)}\r\n");
        }
        head.Append("\r\n");
        return HeaderEncoding.GetBytes(head.ToString());
    }

    /// <summary>
    /// The response head. The archived payload is the body as received after transfer decoding, so
    /// Transfer-Encoding is dropped and Content-Length states the payload's real length (the original
    /// values are kept as X-Crawler-Orig-* so nothing the server said is lost).
    /// </summary>
    public static byte[] Response(FetchedResponse response, long? payloadLength)
    {
        var head = new StringBuilder();
        var reason = ReasonPhrases.GetReasonPhrase(response.StatusCode);
        head.Append(CultureInfo.InvariantCulture, $"HTTP/{response.HttpVersion} {response.StatusCode} {reason}\r\n");
        foreach (var (name, value) in response.ResponseHeaders)
        {
            var framing = name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || (payloadLength is not null && name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase));
            head.Append(CultureInfo.InvariantCulture, $"{(framing ? "X-Crawler-Orig-" + name : name)}: {Clean(value)}\r\n");
        }
        if (payloadLength is { } length) head.Append(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n");
        head.Append("\r\n");
        return HeaderEncoding.GetBytes(head.ToString());
    }

    // A header value with a line break would forge a header line in the archive.
    private static string Clean(string value) => value.Replace('\r', ' ').Replace('\n', ' ');
}
