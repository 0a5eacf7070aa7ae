namespace Crawler.Pipeline.Storage;

/// <summary>One report year across agencies: the number of reports and each requested figure's sum.</summary>
public sealed record YearTotals(int Year, int Reports, IReadOnlyDictionary<string, decimal> Sums);
