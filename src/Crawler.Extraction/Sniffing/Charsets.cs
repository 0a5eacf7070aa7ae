using System.Text;
using System.Text.Unicode;

namespace Crawler.Extraction.Sniffing;

/// <summary>
/// The encodings Chinese government pages use: UTF-8, and GBK/GB2312 (decoded as GB18030, their
/// superset, so that characters outside GB2312 that real pages contain anyway are not lost).
/// </summary>
public static class Charsets
{
    // An explicit static constructor makes the initialisers below (which register the code-page
    // provider) run before any member is used, not merely before the first field read.
    static Charsets() { }

    /// <summary>GB18030 that shows a broken byte sequence as U+FFFD instead of throwing (for decoding).</summary>
    public static Encoding Gb18030 { get; } = Registered("GB18030", DecoderFallback.ReplacementFallback);

    private static readonly Encoding StrictGb18030 = Registered("GB18030", DecoderFallback.ExceptionFallback);

    /// <summary>The encoding a charset label names, with gb2312/gbk/x-gbk/cp936 widened to GB18030; null when unknown.</summary>
    public static Encoding? FromLabel(string? label)
    {
        var name = label?.Trim().Trim('"', '\'').ToLowerInvariant();
        if (string.IsNullOrEmpty(name)) return null;
        if (name is "gb2312" or "gbk" or "x-gbk" or "cp936" or "ms936" or "windows-936" or "gb18030" or "euc-cn" or "csgb2312" or "gb_2312-80")
            return Gb18030;
        if (name is "utf8" or "utf-8" or "unicode-1-1-utf-8") return Encoding.UTF8;
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True when the bytes are valid UTF-8, ignoring a character cut off at the end of a prefix.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> bytes, bool isPrefix = false)
    {
        if (Utf8.IsValid(bytes)) return true;
        if (!isPrefix) return false;
        for (var cut = 1; cut <= 3 && cut < bytes.Length; cut++)
        {
            if (Utf8.IsValid(bytes[..^cut])) return true;
        }
        return false;
    }

    /// <summary>True when the bytes decode as GB18030 without a single invalid sequence.</summary>
    public static bool IsGb18030(ReadOnlySpan<byte> bytes, bool isPrefix = false)
    {
        for (var cut = 0; cut <= (isPrefix ? 3 : 0) && cut < Math.Max(1, bytes.Length); cut++)
        {
            try
            {
                StrictGb18030.GetCharCount(bytes[..^cut]);
                return true;
            }
            catch (DecoderFallbackException)
            {
                // Try a shorter prefix: the last character may have been cut in half.
            }
        }
        return false;
    }

    /// <summary>Text, not binary: few control characters, and valid UTF-8 or GB18030.</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> bytes, bool isPrefix)
    {
        if (bytes.IsEmpty) return false;
        var controls = 0;
        foreach (var b in bytes)
        {
            if (b == 0) return false;
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B)) controls++;
        }
        if (controls * 100 > bytes.Length) return false;
        return IsUtf8(bytes, isPrefix) || IsGb18030(bytes, isPrefix);
    }

    // Field initialisers run before a static constructor body, so registration happens here.
    private static Encoding Registered(string name, DecoderFallback fallback)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, fallback);
    }
}
