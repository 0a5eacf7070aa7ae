namespace Crawler.Pipeline.Search;

/// <summary>One token of a converted query term: a CJK bigram, a lone CJK character, or a word.</summary>
internal sealed record QueryToken(string Text, bool IsSingleCjk);
