namespace Crawler.Pipeline.Compliance;

/// <summary>One figure across the compared years, in their order; <see cref="Changes"/>[i] is year i minus year i−1 (null for the first, or when either is empty).</summary>
public sealed record FigureComparison(string Key, string Label, IReadOnlyList<decimal?> Values)
{
    public IReadOnlyList<decimal?> Changes => [.. Values.Select((v, i) => i == 0 || v is null || Values[i - 1] is null ? (decimal?)null : v - Values[i - 1])];

    public bool Changed => Changes.Any(c => c is not null and not 0);
}
