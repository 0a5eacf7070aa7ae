using System.Text;

namespace Crawler.Pipeline.Search;

/// <summary>
/// The indexed form of text for FTS5's unicode61 tokenizer, which would otherwise keep a whole run of
/// Chinese as one token: every run of CJK characters becomes its overlapping bigrams
/// (商务局 → 商务 务局), a lone CJK character stays itself, and everything else stays words.
/// A query converted the same way and matched as a phrase finds any text of two or more characters.
/// Both sides are NFKC-normalised so full-width digits and letters (２０２３, ＰＤＦ) match their ASCII forms.
/// </summary>
public static class CjkBigrams
{
    public static string IndexTerms(string text)
    {
        var terms = new StringBuilder(text.Length * 3);
        foreach (var token in Tokens(text))
        {
            if (token.Run is { } run) AppendBigrams(terms, run);
            else terms.Append(' ').Append(token.Word);
        }
        return terms.ToString();
    }

    /// <summary>A query term's tokens in order: bigrams for CJK runs, words otherwise.</summary>
    internal static IReadOnlyList<QueryToken> QueryTokens(string term)
    {
        var tokens = new List<QueryToken>();
        foreach (var token in Tokens(term))
        {
            if (token.Word is { } word) tokens.Add(new QueryToken(word, IsSingleCjk: false));
            else if (token.Run is { Count: 1 } single) tokens.Add(new QueryToken(single[0], IsSingleCjk: true));
            else
            {
                var run = token.Run!;
                for (var i = 0; i + 1 < run.Count; i++) tokens.Add(new QueryToken(run[i] + run[i + 1], IsSingleCjk: false));
            }
        }
        return tokens;
    }

    public static bool IsCjk(Rune rune) => rune.Value is
        >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x323AF or >= 0xF900 and <= 0xFAFF
        or >= 0x3040 and <= 0x30FF or >= 0xAC00 and <= 0xD7AF or 0x3007;

    private static void AppendBigrams(StringBuilder terms, List<string> run)
    {
        if (run.Count == 1)
        {
            terms.Append(' ').Append(run[0]);
            return;
        }
        for (var i = 0; i + 1 < run.Count; i++) terms.Append(' ').Append(run[i]).Append(run[i + 1]);
    }

    /// <summary>CJK runs (as lists of characters) and words of letters and digits; everything else separates.</summary>
    private static IEnumerable<(List<string>? Run, string? Word)> Tokens(string text)
    {
        List<string>? run = null;
        StringBuilder? word = null;
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                if (word is not null) { yield return (null, word.ToString()); word = null; }
                (run ??= []).Add(rune.ToString());
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                if (run is not null) { yield return (run, null); run = null; }
                (word ??= new StringBuilder()).Append(rune.ToString());
            }
            else
            {
                if (run is not null) { yield return (run, null); run = null; }
                if (word is not null) { yield return (null, word.ToString()); word = null; }
            }
        }
        if (run is not null) yield return (run, null);
        if (word is not null) yield return (null, word.ToString());
    }
}
