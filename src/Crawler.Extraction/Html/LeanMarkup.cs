using System.Text;

namespace Crawler.Extraction.Html;

/// <summary>
/// The markup a page's DOM is built from, for discovery and extraction alike: the page with what no reader of it
/// looks at taken out before HtmlAgilityPack builds its tree, which costs 450-700 bytes a node (a 30 MB page of
/// Word-pasted paragraphs or link lists is a million nodes: docs/benchmarks.md "Hostile sites").
/// <list type="bullet">
/// <item>Comments and the contents of &lt;script&gt; and &lt;style&gt; go (the raw page stays for the readers that scan scripts).</item>
/// <item>Of each tag only the attributes a reader asks for stay (<see cref="KeptAttributes"/>); a <c>style</c> stays only
/// as <c>display:none</c> when it hides the element, and an embedded <c>data:</c> URL is cut to its type.</item>
/// <item>An inline formatting tag left with no attribute (Word's &lt;span style&gt;, &lt;font&gt;, &lt;o:p&gt;, &lt;b&gt;)
/// is unwrapped: its text stays where it was, and every reader walks through such tags anyway.</item>
/// <item>Whitespace runs in text become one character (every reader collapses them).</item>
/// </list>
/// Everything else (block elements, tables and their spans, links, headings, classes and ids) is copied as it was.
/// </summary>
public static class LeanMarkup
{
    private static readonly HashSet<string> KeptAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "data", "type", "title", "class", "id", "name", "content", "property", "itemprop", "http-equiv",
        "charset", "rowspan", "colspan", "onclick", "datetime",
    };

    /// <summary>Inline elements that only format their text; names with a namespace prefix (o:p, st1:chsdate) are Word's own.</summary>
    private static readonly HashSet<string> Formatting = new(StringComparer.OrdinalIgnoreCase)
    {
        "span", "font", "b", "strong", "i", "em", "u", "s", "strike", "small", "big", "sup", "sub", "ins", "del", "nobr", "label", "abbr", "cite", "q", "tt", "var", "kbd", "samp", "mark",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "meta", "link", "title", "base", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "section", "article", "nav", "header", "footer", "aside", "center", "blockquote", "form", "address", "figure", "figcaption", "main",
        "table", "caption", "tr", "td", "th", "tbody", "thead", "tfoot", "hr",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockNames = Blocks.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>For any page (a list page): every link stays.</summary>
    public static string Of(string html) => Of(html, Links.All);

    /// <summary>
    /// For extraction's reading of a report page: besides <see cref="Of(string)"/>, a link that leads to no document and
    /// sits in a list item (&lt;li&gt;, &lt;dt&gt;, &lt;dd&gt;: a related-articles list, a menu) is unwrapped to its text. No
    /// reader counts list items' link text apart (<see cref="ArticleBody"/> weighs prose, headings and tables), and a
    /// link in prose or a cell still stays a link.
    /// </summary>
    public static string Article(string html) => Of(html, Links.DocumentsAndProse);

    /// <summary>
    /// For discovery's reading of a report page, which looks at its names (meta, title, headings, opening text) and its
    /// document links only: besides <see cref="Of(string)"/>, every &lt;a&gt; that leads to no document (<see cref="AttachmentFiles"/>,
    /// a pdf.js viewer, a script) and is no title is unwrapped, its text kept. A portal's related-articles lists and
    /// footers are most of the nodes of a large page.
    /// </summary>
    public static string ReportPage(string html) => Of(html, Links.DocumentsOnly);

    private enum Links { All, DocumentsOnly, DocumentsAndProse }

    /// <summary>What one pass keeps track of: the formatting tags (and links) it unwrapped, per name, and the open blocks.</summary>
    private sealed class Scan(Links links)
    {
        public Links Links { get; } = links;

        public Dictionary<string, Stack<bool>> Unwrapped { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> OpenBlocks { get; } = [];

        public bool InListItem => OpenBlocks.Count > 0 && OpenBlocks[^1] is "li" or "dt" or "dd";

        public void Opened(string name, bool selfClosing)
        {
            if (!selfClosing && Blocks.Contains(name) && name is not ("meta" or "link" or "base" or "hr")) OpenBlocks.Add(name.ToLowerInvariant());
        }

        public void Closed(string name)
        {
            var open = OpenBlocks.FindLastIndex(b => b.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (open >= 0) OpenBlocks.RemoveRange(open, OpenBlocks.Count - open);
        }
    }

    private static string Of(string html, Links links)
    {
        var lean = new StringBuilder(html.Length / 2);
        var scan = new Scan(links);
        var i = 0;
        var afterBlock = true;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0) open = html.Length;
            var text = html.AsSpan(i, open - i);
            var blockTag = IsBlockTagAt(html, open);
            // Whitespace between two block tags (</li>\n<li>, </td> <td>) is a text node no reader sees: one fewer node per line.
            if (!(afterBlock && blockTag && text.IsWhiteSpace())) AppendText(lean, text);
            if (open == html.Length) break;
            afterBlock = blockTag;
            i = Tag(html, open, lean, scan);
        }
        return lean.ToString();
    }

    /// <summary>Copies or drops the tag (comment, declaration) at <paramref name="at"/> and returns where the text after it starts.</summary>
    private static int Tag(string html, int at, StringBuilder lean, Scan scan)
    {
        if (string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }
        var closing = at + 1 < html.Length && html[at + 1] == '/';
        var nameStart = closing ? at + 2 : at + 1;
        var nameEnd = nameStart;
        while (nameEnd < html.Length && IsNameChar(html[nameEnd])) nameEnd++;
        if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
        {
            // Not a tag: a declaration (<!DOCTYPE>, <?xml?>) up to its '>', or a lone '<' in text.
            if (!closing && nameStart < html.Length && html[nameStart] is '!' or '?')
            {
                var end = html.IndexOf('>', at);
                end = end < 0 ? html.Length : end + 1;
                lean.Append(html, at, end - at);
                return end;
            }
            lean.Append('<');
            return at + 1;
        }

        var name = html[nameStart..nameEnd];
        var (attributes, after, selfClosing) = Attributes(html, nameEnd);
        if (closing)
        {
            scan.Closed(name);
            if (scan.Unwrapped.TryGetValue(name, out var stack) && stack.TryPop(out var dropped) && dropped) return after;
            lean.Append("</").Append(name).Append('>');
            return after;
        }

        if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
        {
            var end = html.IndexOf("</" + name, after, StringComparison.OrdinalIgnoreCase);
            if (end < 0) return html.Length;
            var close = html.IndexOf('>', end);
            return close < 0 ? html.Length : close + 1;
        }

        var kept = attributes.Where(a => KeptAttributes.Contains(a.Name) || (a.Name.Equals("style", StringComparison.OrdinalIgnoreCase) && Boilerplate.Hides(a.Value.Span))).ToList();
        var link = name.Equals("a", StringComparison.OrdinalIgnoreCase)
                   && (scan.Links == Links.DocumentsOnly || (scan.Links == Links.DocumentsAndProse && scan.InListItem));
        if (IsFormatting(name) || link)
        {
            var drop = link ? !LeadsSomewhere(kept) : kept.Count == 0;
            if (!selfClosing) Stack(scan.Unwrapped, name).Push(drop);
            if (drop) return after;
        }
        scan.Opened(name, selfClosing);

        lean.Append('<').Append(name);
        foreach (var (attribute, value, quote) in kept)
        {
            lean.Append(' ').Append(attribute);
            if (attribute.Equals("style", StringComparison.OrdinalIgnoreCase)) lean.Append("=\"display:none\"");
            else if (value.Length > 0 || quote != '\0')
            {
                var mark = quote != '\0' ? quote : value.Span.Contains('"') ? '\'' : '"';
                lean.Append('=').Append(mark).Append(Shortened(value.Span)).Append(mark);
            }
        }
        lean.Append(selfClosing ? "/>" : ">");
        return after;
    }

    /// <summary>A link a reader follows or names a page by: one with a script, a title class, or an href to a document (<see cref="AttachmentLinks.LeadsToDocument"/>).</summary>
    private static bool LeadsSomewhere(List<Attribute> attributes) => attributes.Any(a =>
        a.Name.Equals("onclick", StringComparison.OrdinalIgnoreCase)
        || (a.Name.Equals("class", StringComparison.OrdinalIgnoreCase) && a.Value.Span.Contains("title", StringComparison.Ordinal))
        || (a.Name.Equals("href", StringComparison.OrdinalIgnoreCase) && AttachmentLinks.LeadsToDocument(a.Value.ToString())));

    private static Stack<bool> Stack(Dictionary<string, Stack<bool>> unwrapped, string name)
    {
        if (!unwrapped.TryGetValue(name, out var stack)) unwrapped[name] = stack = new Stack<bool>();
        return stack;
    }

    private static bool IsFormatting(string name) => Formatting.Contains(name) || name.Contains(':');

    /// <summary>An embedded data: URL (a pasted screenshot's base64, megabytes) to its media type: there is nothing to fetch.</summary>
    private static ReadOnlySpan<char> Shortened(ReadOnlySpan<char> value)
    {
        if (!value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return value;
        var comma = value.IndexOfAny(',', ';');
        return comma < 0 ? "data:" : value[..comma];
    }

    /// <summary>An attribute as written; its value is a slice of the page, so a dropped one (a megabyte of base64, a Word style) is never copied.</summary>
    private readonly record struct Attribute(string Name, ReadOnlyMemory<char> Value, char Quote);

    /// <summary>The tag's attributes from <paramref name="at"/> to its '&gt;' (quoted values may hold '&gt;'), where it ends, and whether it closes itself.</summary>
    private static (List<Attribute> Attributes, int After, bool SelfClosing) Attributes(string html, int at)
    {
        var attributes = new List<Attribute>();
        var i = at;
        var selfClosing = false;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>') return (attributes, i + 1, selfClosing);
            if (char.IsWhiteSpace(c) || c == '/')
            {
                selfClosing = c == '/';
                i++;
                continue;
            }
            selfClosing = false;
            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/')) i++;
            var name = html[nameStart..i];
            while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
            if (i >= html.Length || html[i] != '=')
            {
                attributes.Add(new Attribute(name, ReadOnlyMemory<char>.Empty, '\0'));
                continue;
            }
            i++;
            while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
            if (i < html.Length && html[i] is '"' or '\'')
            {
                var quote = html[i];
                var end = html.IndexOf(quote, i + 1);
                if (end < 0) end = html.Length;
                attributes.Add(new Attribute(name, html.AsMemory(i + 1, end - i - 1), quote));
                i = Math.Min(end + 1, html.Length);
            }
            else
            {
                var valueStart = i;
                while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>') i++;
                attributes.Add(new Attribute(name, html.AsMemory(valueStart, i - valueStart), '\0'));
            }
        }
        return (attributes, html.Length, selfClosing);
    }

    /// <summary>Whether a block element's start or end tag (or the end of the page) is at <paramref name="at"/>.</summary>
    private static bool IsBlockTagAt(string html, int at)
    {
        if (at >= html.Length) return true;
        var start = at + 1 < html.Length && html[at + 1] == '/' ? at + 2 : at + 1;
        var end = start;
        while (end < html.Length && IsNameChar(html[end])) end++;
        return end > start && BlockNames.Contains(html.AsSpan(start, end - start));
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.';

    private static void AppendText(StringBuilder lean, ReadOnlySpan<char> text)
    {
        var inSpace = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                if (!inSpace) lean.Append(c == '\r' ? '\n' : c);
                inSpace = true;
                continue;
            }
            inSpace = false;
            lean.Append(c);
        }
    }
}
