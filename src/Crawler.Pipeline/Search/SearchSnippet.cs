using System.Text;

namespace Crawler.Pipeline.Search;

/// <summary>
/// A short passage of the original text around the first hit, the hit wrapped in 【】 (brackets that
/// survive a terminal, a CSV cell and a Markdown page alike, and that official Chinese text rarely uses).
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
        snippet.Append(Flatten(text[from..start])).Append(Open).Append(text, start, length).Append(Close)
            .Append(Flatten(text[(start + length)..to]));
        if (to < text.Length) snippet.Append('…');
        return snippet.ToString();
    }

    private static (int Start, int Length) FirstHit(string text, IReadOnlyList<string> terms)
    {
        var best = (Start: -1, Length: 0);
        foreach (var term in terms)
        {
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
