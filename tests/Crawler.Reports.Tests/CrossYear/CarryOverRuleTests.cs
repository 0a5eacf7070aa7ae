using Crawler.Reports.CrossYear;
using Crawler.Reports.Model;
using Crawler.Reports.Tests.Validation;

namespace Crawler.Reports.Tests.CrossYear;

public class CarryOverRuleTests
{
    private static (AnnualReport Older, AnnualReport Newer) Pair()
    {
        var older = ConsistentReport.Create() with { Year = 2022 };      // carries forward 自然人 1, 商业企业 0, 总计 0 …
        var newer = ConsistentReport.Create();
        foreach (var column in ReportSchema.ApplicantColumns) newer.Applications["carriedOver", column.Key] = older.Applications["carriedForward", column.Key];
        return (older, newer);
    }

    [Fact]
    public void A_consistent_pair_gives_nothing()
    {
        var (older, newer) = Pair();
        Assert.Empty(CarryOverRule.Check(newer, 2023, older, 2022));
    }

    [Fact]
    public void A_column_that_differs_gives_a_finding_on_the_newer_report_naming_both_figures()
    {
        var (older, newer) = Pair();
        newer.Applications["carriedOver", "naturalPerson"] = 3;

        var finding = Assert.Single(CarryOverRule.Check(newer, 2023, older, 2022));

        Assert.Equal("CARRY_OVER_MISMATCH", finding.Code);
        Assert.Equal("applications.columns.naturalPerson", finding.Where);
        Assert.Equal("表三“自然人”列：2023年报告 二、上年结转 3 ≠ 2022年报告 四、结转下年度继续办理 1", finding.Message);
    }

    [Fact]
    public void An_empty_cell_or_years_that_are_not_consecutive_are_not_compared()
    {
        var (older, newer) = Pair();
        newer.Applications["carriedOver", "naturalPerson"] = null;
        older.Applications["carriedForward", "total"] = 9;
        newer.Applications["carriedOver", "total"] = null;
        Assert.Empty(CarryOverRule.Check(newer, 2023, older, 2022));

        newer.Applications["carriedOver", "other"] = 5;
        Assert.Empty(CarryOverRule.Check(newer, 2023, older, 2021));
    }
}
