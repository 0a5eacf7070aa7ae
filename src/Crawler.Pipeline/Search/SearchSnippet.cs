using System.Text;

namespace Crawler.Pipeline.Search;

/// <summary>
/// A short passage of the original text around the first hit, every hit of every term in it wrapped in 【】
/// (brackets that survive a terminal, a CSV cell and a Markdown page alike, and that official Chinese text rarely
/// uses). A term with spaces (a quoted phrase) matches however the text spaces it.
/// </summary>
public static class SearchSnippet
{
    public const string Open = "【";
    public const string Close = "】";

    public static string Build(string text, IReadOnlyList<string> terms, int before = 30, int after = 60)
    {
        var (start, length) = FirstHit(text, terms);
        if (start < 0) return Flatten(text[..Math.Min(text.Length, before + after)]) + (text.Length > before + after ? "…" : "");
        var from = Math.Max(0, start - before);
        var to = Math.Min(text.Length, start + length + after);
        var snippet = new StringBuilder();
        if (from > 0) snippet.Append('…');
        snippet.Append(Mark(Flatten(text[from..start]), terms)).Append(Open).Append(Flatten(text.Substring(start, length))).Append(Close)
            .Append(Mark(Flatten(text[(start + length)..to]), terms));
        if (to < text.Length) snippet.Append('…');
        return snippet.ToString();
    }

    /// <summary>The other hits in the passage, marked too.</summary>
    private static string Mark(string passage, IReadOnlyList<string> terms) =>
        Pattern(terms.OrderByDescending(t => t.Length).ToArray()).Replace(passage, m => Open + m.Value + Close);

    /// <summary>Any of the terms, longest first, each allowing any spacing between its characters.</summary>
    private static System.Text.RegularExpressions.Regex Pattern(params string[] terms) => new(
        string.Join('|', terms.Select(term => string.Join(@"\s*", term.Where(c => !char.IsWhiteSpace(c)).Select(c => System.Text.RegularExpressions.Regex.Escape(c.ToString()))))),
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static (int Start, int Length) FirstHit(string text, IReadOnlyList<string> terms)
    {
        var best = (Start: -1, Length: 0);
        foreach (var term in terms)
        {
            if (term.Any(char.IsWhiteSpace))
            {
                var phrase = Pattern(term).Match(text);
                if (phrase.Success && (best.Start < 0 || phrase.Index < best.Start)) best = (phrase.Index, phrase.Length);
                continue;
            }
            var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                // A full-width or otherwise NFKC-different spelling: try the normalised term on a normalised copy of the same length.
                var normalized = term.Normalize(NormalizationForm.FormKC);
                at = normalized == term ? -1 : text.IndexOf(normalized, StringComparison.OrdinalIgnoreCase);
                if (at >= 0 && (best.Start < 0 || at < best.Start)) best = (at, normalized.Length);
                continue;
            }
            if (best.Start < 0 || at < best.Start) best = (at, term.Length);
        }
        return best;
    }

    private static string Flatten(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
