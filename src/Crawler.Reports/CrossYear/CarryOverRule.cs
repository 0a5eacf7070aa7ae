using Crawler.Reports.Model;

namespace Crawler.Reports.CrossYear;

/// <summary>
/// CARRY_OVER_MISMATCH, across two years of one agency: what a report carries over from last year
/// (表三 二、上年结转政府信息公开申请数量) must be what last year's report carried forward
/// (四、结转下年度继续办理), column by column. The finding is on the newer report and names both figures;
/// a cell either report leaves empty is not compared (not reported is not zero).
/// </summary>
public static class CarryOverRule
{
    public const string Code = "CARRY_OVER_MISMATCH";

    /// <summary>The rows the rule compares: the newer report's <c>applications.carriedOver</c>, the older's <c>applications.carriedForward</c>.</summary>
    public const string CarriedOverRow = "carriedOver", CarriedForwardRow = "carriedForward";

    public static IReadOnlyList<Finding> Check(AnnualReport newer, int newerYear, AnnualReport older, int olderYear) =>
        Check(column => Cell(newer, CarriedOverRow, column), newerYear, column => Cell(older, CarriedForwardRow, column), olderYear);

    /// <summary>The same check from the two rows' cells alone (by applicant column key), for readers that do not hold whole reports.</summary>
    public static IReadOnlyList<Finding> Check(Func<string, decimal?> newerCarriedOver, int newerYear, Func<string, decimal?> olderCarriedForward, int olderYear)
    {
        if (olderYear != newerYear - 1) return [];
        var findings = new List<Finding>();
        foreach (var column in ReportSchema.ApplicantColumns)
        {
            var carriedOver = newerCarriedOver(column.Key);
            var carriedForward = olderCarriedForward(column.Key);
            if (carriedOver is not { } over || carriedForward is not { } forward || over == forward) continue;
            findings.Add(new Finding(Code, FindingSeverity.Error, $"applications.columns.{column.Key}",
                $"表三“{column.Label}”列：{newerYear}年报告 二、上年结转 {over} ≠ {olderYear}年报告 四、结转下年度继续办理 {forward}"));
        }
        return findings;
    }

    private static decimal? Cell(AnnualReport report, string row, string column) => report.Applications[row, column];
}
