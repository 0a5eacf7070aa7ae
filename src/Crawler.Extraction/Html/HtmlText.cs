using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace Crawler.Extraction.Html;

/// <summary>Entity decoding and whitespace as a reader sees it (runs of spaces and &amp;nbsp; shown as one space).</summary>
internal static partial class HtmlText
{
    public static string Decode(string raw) => HtmlEntity.DeEntitize(raw) ?? "";

    /// <summary>Decoded, whitespace runs (including no-break spaces) collapsed to one space, trimmed.</summary>
    public static string Clean(string raw) => Spaces().Replace(Decode(raw), " ").Trim();

    [GeneratedRegex(@"[\s\u00A0\u200B\uFEFF]+")]
    private static partial Regex Spaces();
}
