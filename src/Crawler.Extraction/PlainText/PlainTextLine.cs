using System.Text.RegularExpressions;

namespace Crawler.Extraction.PlainText;

/// <summary>
/// How one line of a text dump reads. The seeds come in three dialects: PDF text (a table row is one
/// line of tab-separated fields), DOCX text (one table cell per line, prefixed by a tab) and markdown.
/// </summary>
internal static partial class PlainTextLine
{
    public enum Kind
    {
        Blank,
        /// <summary>Dropped: a page number ("-3-", "第 2 页") or a markdown rule ("----").</summary>
        Noise,
        /// <summary>A DOCX cell: one leading tab, no other tab.</summary>
        Cell,
        /// <summary>A PDF or markdown-pipe table row: several fields on one line.</summary>
        Row,
        Text,
    }

    public static Kind Classify(string line)
    {
        var tab = line.IndexOf('\t');
        if (tab >= 0)
        {
            if (Rule().IsMatch(line)) return Kind.Noise;
            if (tab == 0 && line.IndexOf('\t', 1) < 0) return Kind.Cell;
            return string.IsNullOrWhiteSpace(line) ? Kind.Blank : Kind.Row;
        }
        if (string.IsNullOrWhiteSpace(line)) return Kind.Blank;
        if (PageNumber().IsMatch(line) || Rule().IsMatch(line)) return Kind.Noise;
        return IsPipeRow(line) ? Kind.Row : Kind.Text;
    }

    public static string[] Fields(string line)
    {
        if (line.Contains('\t')) return line.Split('\t');
        var trimmed = line.Trim();
        if (trimmed.StartsWith('|')) trimmed = trimmed[1..];
        if (trimmed.EndsWith('|')) trimmed = trimmed[..^1];
        return trimmed.Split('|');
    }

    /// <summary>Strips what the dump adds around text: markdown heading marks and bold, DOCX bookmarks.</summary>
    public static string Clean(string text)
    {
        var cleaned = text.Contains("[bookmark", StringComparison.Ordinal) ? Bookmark().Replace(text, "") : text;
        if (cleaned.Contains("**", StringComparison.Ordinal)) cleaned = cleaned.Replace("**", "", StringComparison.Ordinal);
        cleaned = cleaned.Trim(' ', '\t', '\u3000', '\u00a0', '\ufeff');
        if (cleaned.StartsWith('#')) cleaned = cleaned.TrimStart('#').TrimStart(' ', '\u3000');
        return cleaned;
    }

    /// <summary>A short line that is not a heading ("四、…", "# …") may be the wrapped tail of a table label.</summary>
    public static bool MayBeWrappedLabel(string line)
    {
        var text = line.Trim();
        return text.Length is > 0 and <= 30 && !text.StartsWith('#') && !SectionHeading().IsMatch(text);
    }

    private static bool IsPipeRow(string line)
    {
        var trimmed = line.AsSpan().Trim();
        return trimmed.Length > 2 && trimmed[0] == '|' && trimmed[1..].IndexOf('|') >= 0;
    }

    [GeneratedRegex(@"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|[-—–－]\s*\d{1,4}|\d{1,4}\s*[-—–－])\s*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^[\s|:]*(?:[-=_*]{3,}[\s|:+]*)+$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^[一二三四五六七八九十\d]{1,2}\s*、")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();
}
