using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>What the title and the prose say about the report: agency, year, period and sections.</summary>
internal sealed record ReportMetadata(
    string? Title,
    string? Agency,
    int? Year,
    StatisticalPeriod? Period,
    ReportSections Sections,
    IReadOnlyList<int> IntroductionReportYears);
