using Crawler.Reports.Publication;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;

namespace Crawler.Pipeline.Compliance;

/// <summary>
/// One agency's line in the compliance list: when it published (and how that is known), whether that was by the
/// due date, in the standard (2021) format, with figures that add up. <see cref="RuleViolations"/> are the broken
/// consistency rules of the latest version (T3_*, T4_*, and CARRY_OVER_MISMATCH against last year's report).
/// </summary>
public sealed record ComplianceRow(string Agency, string? SourceId, int Year, ComplianceStatus Status)
{
    public string? Region { get; init; }

    public required DateOnly DueDate { get; init; }

    /// <summary>The report's publication date and its source; null when missing.</summary>
    public PublicationDate? PublishedAt { get; init; }

    public int? DaysLate { get; init; }

    public DateTimeOffset? FirstFoundAt { get; init; }

    public string? Template { get; init; }

    public bool StandardFormat => Template == ReportTemplates.Standard.Name;

    public int Versions { get; init; }

    public Uri? DocumentUrl { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public IReadOnlyList<Finding> RuleViolations { get; init; } = [];

    public IReadOnlyList<Finding> OtherFindings { get; init; } = [];

    public bool FiguresAddUp => RuleViolations.Count == 0;
}
