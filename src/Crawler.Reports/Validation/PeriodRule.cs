using Crawler.Reports.Model;

namespace Crawler.Reports.Validation;

/// <summary>PERIOD_YEAR_MISMATCH: the printed statistical period lies outside the year reported on.</summary>
internal static class PeriodRule
{
    public static void Check(AnnualReport report, List<Finding> findings)
    {
        if (report.StatisticalPeriod is not { } period || report.Year is not { } year) return;
        if (period.From.Year == year && period.To.Year == year) return;
        findings.Add(FindingSeverities.Create(FindingCodes.PeriodYearMismatch, "statisticalPeriod",
            $"统计期限 {period.From:yyyy-MM-dd} 至 {period.To:yyyy-MM-dd} 与报告年度 {year} 不符"));
    }
}
