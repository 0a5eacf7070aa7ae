namespace Crawler.Pipeline.Storage;

/// <summary>Which report versions to list. Agency matches as a substring (环翠区 finds 威海市环翠区商务局).</summary>
public sealed record ReportFilter
{
    public string? Agency { get; init; }

    public int? Year { get; init; }

    /// <summary>Only each report's latest version.</summary>
    public bool LatestOnly { get; init; }
}
