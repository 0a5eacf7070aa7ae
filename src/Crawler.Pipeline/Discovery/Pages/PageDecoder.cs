using System.Text;
using System.Text.RegularExpressions;

namespace Crawler.Pipeline.Discovery.Pages;

/// <summary>
/// Decodes an HTML page to text. GBK/GB2312 are decoded as GB18030 (a superset); a page that claims UTF-8 (or
/// nothing) but is not valid UTF-8 is decoded as GB18030, because that is what such pages on Chinese government
/// sites almost always are.
/// </summary>
public static partial class PageDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);

        var declared = Charset(contentType) ?? Charset(Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]));
        var utf8 = TryUtf8(bytes);
        if (declared is null or "utf-8" or "utf8" or "iso-8859-1" or "latin1" or "us-ascii" or "windows-1252") return utf8 ?? Gb18030.GetString(bytes);
        if (declared is "gbk" or "gb2312" or "gb18030" or "x-gbk" or "cp936")
            return utf8 is not null && utf8.Any(c => c > 0x7F) ? utf8 : Gb18030.GetString(bytes);
        try
        {
            return Encoding.GetEncoding(declared).GetString(bytes);
        }
        catch (ArgumentException)
        {
            return utf8 ?? Gb18030.GetString(bytes);
        }
    }

    private static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    private static string? TryUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? Charset(string? text)
    {
        if (text is null) return null;
        var match = CharsetPattern().Match(text);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([\w\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}
