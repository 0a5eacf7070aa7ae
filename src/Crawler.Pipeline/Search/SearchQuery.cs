namespace Crawler.Pipeline.Search;

/// <summary>A search: the query text and the filters that narrow it. Agency and region match as substrings.</summary>
public sealed record SearchQuery(string Text)
{
    public string? Agency { get; init; }

    public string? Region { get; init; }

    public int? Year { get; init; }

    /// <summary>Only versions with a finding of this code (e.g. T3_BALANCE).</summary>
    public string? FindingCode { get; init; }

    public int Limit { get; init; } = 20;

    /// <summary>Also search superseded versions (by default only each report's latest version).</summary>
    public bool AllVersions { get; init; }
}
