namespace Crawler.Pipeline.Indexing;

/// <summary>
/// What <c>crawler es search</c> and <c>es count</c> ask the index: words to find (title, agency, sections, text and
/// finding messages), an optional finding code, every version or only the latest, how many hits to return.
/// </summary>
public sealed record ReportQuery
{
    public string? Text { get; init; }

    /// <summary>e.g. T3_BALANCE: only reports with this finding.</summary>
    public string? FindingCode { get; init; }

    /// <summary>Every stored version (the all-versions alias) instead of the latest of each report.</summary>
    public bool AllVersions { get; init; }

    public int Size { get; init; } = 20;
}
