using Crawler.Reports.Parsing;

namespace Crawler.Reports.Tests.Properties;

/// <summary>What a property compares between the seed and its edited copy.</summary>
internal static class ParseOutcome
{
    public static string Figures(ReportParseResult result)
    {
        var report = result.Report;
        var figures = string.Join(";", report.Figures().Select(f => $"{f.Key}={f.Value?.ToString() ?? "null"}"));
        return $"{report.Agency}|{report.Year}|{report.Template}|{report.StatisticalPeriod}|{figures}";
    }

    public static string Findings(ReportParseResult result) =>
        string.Join(";", result.Findings.Select(f => $"{f.Code}@{f.Where}").Order());
}
