namespace Crawler.Pipeline.Compliance;

/// <summary>
/// The section "Compliance": due dates per report year, optionally per region, for provinces that set an earlier
/// one than the regulation's 31 January (e.g. <c>{ "Year": 2023, "Region": "山东省", "Date": "2024-01-20" }</c>).
/// </summary>
public sealed record ComplianceOptions
{
    public const string SectionName = "Compliance";

    public List<ComplianceDeadline> Deadlines { get; init; } = [];
}
