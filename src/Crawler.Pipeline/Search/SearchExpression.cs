using System.Text;

namespace Crawler.Pipeline.Search;

/// <summary>
/// A user's query compiled to an FTS5 MATCH expression: whitespace separates terms, every term must
/// match (AND), and each term is a phrase of its bigrams and words, so 复议 and 政府信息公开 match as
/// written. A lone CJK character at the end of a term (2023年) matches as a prefix of the next bigram.
/// A query without any term of two characters (empty, or one Chinese character) is refused with a reason.
/// A quoted phrase ("…" or “…”) is one term, spaces and all, and is highlighted as one in the snippet.
/// </summary>
public sealed record SearchExpression(string Match, IReadOnlyList<string> Terms)
{
    public static (SearchExpression? Expression, string? Error) Compile(string? query)
    {
        var terms = SplitTerms(query ?? "");
        if (terms.Count == 0) return (null, "查询为空：请输入至少两个汉字或一个词（empty query: give at least two Chinese characters or one word）");
        var phrases = new List<string>();
        var kept = new List<string>();
        foreach (var term in terms)
        {
            var tokens = CjkBigrams.QueryTokens(term);
            if (tokens.Count == 0) continue;
            if (tokens is [{ IsSingleCjk: true } single])
            {
                return (null, $"单个汉字「{single.Text}」无法检索：检索词至少要两个字（a search term needs at least two characters: the index is built of character pairs）");
            }
            phrases.Add(Phrase(tokens));
            kept.Add(term);
        }
        if (phrases.Count == 0) return (null, $"查询「{query}」中没有可检索的文字（the query holds no letters, digits or Chinese characters）");
        return (new SearchExpression(string.Join(" AND ", phrases), kept), null);
    }

    /// <summary>Whitespace-separated terms; a quoted phrase ("…", “…”, 「…」) is one term without its quotes.</summary>
    private static List<string> SplitTerms(string query)
    {
        var terms = new List<string>();
        var term = new StringBuilder();
        char? closing = null;
        foreach (var c in query)
        {
            if (closing is null && c is '"' or '“' or '「')
            {
                Flush();
                closing = c switch { '“' => '”', '「' => '」', _ => '"' };
            }
            else if (closing == c || (closing == '"' && c == '”'))
            {
                Flush();
                closing = null;
            }
            else if (closing is null && char.IsWhiteSpace(c)) Flush();
            else term.Append(c);
        }
        Flush();
        return terms;

        void Flush()
        {
            var text = term.ToString().Trim();
            if (text.Length > 0) terms.Add(closing is null ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            term.Clear();
        }
    }

    private static string Phrase(IReadOnlyList<QueryToken> tokens)
    {
        // Tokens hold only letters, digits and CJK characters, so they need no quoting inside the phrase.
        var phrase = new StringBuilder("\"");
        phrase.AppendJoin(' ', tokens.Select(t => t.Text)).Append('"');
        if (tokens[^1].IsSingleCjk) phrase.Append(" *");
        return phrase.ToString();
    }
}
