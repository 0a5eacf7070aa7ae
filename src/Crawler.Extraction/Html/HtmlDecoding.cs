using System.Text;
using System.Text.RegularExpressions;
using Crawler.Extraction.Sniffing;

namespace Crawler.Extraction.Html;

/// <summary>
/// Turns a page's bytes into text. Order: byte-order mark, the HTTP Content-Type charset, the
/// page's own &lt;meta&gt;, then detection. Declarations are checked against the bytes, because
/// government sites often lie: a page that declares UTF-8 but is not valid UTF-8 is GBK in
/// practice; a page whose non-ASCII bytes form valid UTF-8 is UTF-8 whatever it declares
/// (a multi-byte UTF-8 run does not happen by accident in GBK text).
/// The one charset rule for every page the crawler reads: discovery (list pages, report pages, CMS data
/// responses) and extraction both decode through it.
/// </summary>
public static partial class HtmlDecoding
{
    public sealed record Decoded(string Text, string Charset, string? Declared);

    public static Decoded Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return new(Encoding.UTF8.GetString(bytes[3..]), "utf-8", "BOM");
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE })) return new(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", "BOM");
        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF })) return new(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", "BOM");

        var declared = CharsetOf(contentType) ?? MetaCharset(bytes);
        var declaredEncoding = Charsets.FromLabel(declared);
        var ascii = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0;
        if (ascii) return new(Encoding.ASCII.GetString(bytes), "us-ascii", declared);
        if (Charsets.IsUtf8(bytes)) return new(Encoding.UTF8.GetString(bytes), "utf-8", declared);

        // Not UTF-8. A declared multi-byte Chinese or other specific encoding is believed; a declared
        // UTF-8 or Latin-1 (error pages and misconfigured servers) is not, when the bytes are GBK.
        var believable = declaredEncoding is not null && declaredEncoding.CodePage != Encoding.UTF8.CodePage
                         && declaredEncoding.CodePage is not (28591 or 1252 or 20127);
        if (believable) return new(declaredEncoding!.GetString(bytes), declaredEncoding.WebName, declared);
        if (Charsets.IsGb18030(bytes)) return new(Charsets.Gb18030.GetString(bytes), "gb18030", declared);

        // Neither decodes cleanly (a truncated character, a stray byte): take the one that breaks less.
        var asGbk = Charsets.Gb18030.GetString(bytes);
        var asUtf8 = Encoding.UTF8.GetString(bytes);
        return asGbk.Count(c => c == '\uFFFD') < asUtf8.Count(c => c == '\uFFFD')
            ? new(asGbk, "gb18030", declared)
            : new(asUtf8, "utf-8", declared);
    }

    private static string? CharsetOf(string? contentType)
    {
        if (contentType is null) return null;
        var match = CharsetParameter().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 8192)]);
        foreach (Match meta in MetaTag().Matches(head))
        {
            var charset = CharsetParameter().Match(meta.Value);
            if (charset.Success) return charset.Groups[1].Value;
        }
        return null;
    }

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();
}
