using Crawler.Reports.Model;

namespace Crawler.Pipeline.Compliance;

/// <summary>
/// One agency's line in the compliance list: did it publish, in the standard (2021) format, with figures that
/// add up? <see cref="RuleViolations"/> are the broken consistency rules (T3_*, T4_*) of the latest version.
/// </summary>
public sealed record ComplianceRow(string Agency, string? SourceId, int Year, ComplianceStatus Status)
{
    public DateTimeOffset? FirstFoundAt { get; init; }

    public string? Template { get; init; }

    public bool StandardFormat => Template == "2021";

    public int Versions { get; init; }

    public Uri? DocumentUrl { get; init; }

    public IReadOnlyList<Finding> RuleViolations { get; init; } = [];

    public IReadOnlyList<Finding> OtherFindings { get; init; } = [];

    public bool FiguresAddUp => RuleViolations.Count == 0;
}
