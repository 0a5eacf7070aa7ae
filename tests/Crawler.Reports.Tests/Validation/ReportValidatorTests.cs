using Crawler.Reports.Model;
using Crawler.Reports.Templates;
using Crawler.Reports.Validation;

namespace Crawler.Reports.Tests.Validation;

public class ReportValidatorTests
{
    private static IEnumerable<(string Code, string Where)> Findings(AnnualReport report) =>
        ReportValidator.Validate(report).Select(f => (f.Code, f.Where));

    [Fact]
    public void Consistent_figures_raise_nothing()
    {
        Assert.Empty(ReportValidator.Validate(ConsistentReport.Create()));
    }

    [Fact]
    public void A_consistent_mixed_report_raises_nothing_although_its_three_2021_rows_are_null()
    {
        var report = ConsistentReport.Create(mixed: true);

        Assert.Empty(ReportValidator.Validate(report));
    }

    [Fact]
    public void T3_balance_fires_on_the_column_where_received_plus_carried_over_differs_from_handled_plus_carried_forward()
    {
        var report = ConsistentReport.Create();
        report.Applications["carriedOver", "naturalPerson"] = 1;
        report.Applications["carriedOver", "total"] = 1;

        var findings = ReportValidator.Validate(report);

        var balance = findings.Where(f => f.Code == FindingCodes.T3Balance).ToList();
        Assert.Equal(["applications.columns.naturalPerson", "applications.columns.total"], balance.Select(f => f.Where));
        Assert.All(balance, f => Assert.Equal(FindingSeverity.Error, f.Severity));
        Assert.Equal("表三“总计”列：本年新收 5 + 上年结转 1 ≠ 办理结果总计 4 + 结转下年度 1", balance[1].Message);
    }

    [Fact]
    public void T3_row_total_fires_on_the_row_whose_total_is_not_the_sum_of_its_applicant_columns()
    {
        var report = ConsistentReport.Create();
        report.Applications["deniedStateSecret", "researchInstitution"] = 2;

        var findings = ReportValidator.Validate(report).Where(f => f.Code == FindingCodes.T3RowTotal).ToList();

        var finding = Assert.Single(findings);
        Assert.Equal("applications.deniedStateSecret", finding.Where);
        Assert.Contains("科研机构 2", finding.Message);
        Assert.Contains("= 2 ≠ 总计 0", finding.Message);
    }

    [Fact]
    public void T3_result_total_fires_on_the_column_whose_result_rows_do_not_add_up_to_total_handled()
    {
        var report = ConsistentReport.Create();
        report.Applications["otherOther", "other"] = 1;
        report.Applications["otherOther", "total"] = 1;

        var codes = Findings(report).Where(f => f.Code == FindingCodes.T3ResultTotal).Select(f => f.Where);

        Assert.Equal(["applications.columns.other", "applications.columns.total"], codes);
    }

    [Fact]
    public void In_a_mixed_report_other_handling_stands_for_the_three_2021_rows_in_the_result_total()
    {
        var report = ConsistentReport.Create(mixed: true);
        report.Applications["otherHandling", "naturalPerson"] = 1;
        report.Applications["otherHandling", "total"] = 1;

        var codes = Findings(report).Where(f => f.Code == FindingCodes.T3ResultTotal).Select(f => f.Where);

        Assert.Equal(["applications.columns.naturalPerson", "applications.columns.total"], codes);
    }

    [Fact]
    public void T4_group_total_fires_on_the_group_whose_total_is_not_the_sum_of_its_results()
    {
        var report = ConsistentReport.Create();
        report.ReviewAndLitigation["litigationDirect", "total"] = 3;

        var finding = Assert.Single(ReportValidator.Validate(report));

        Assert.Equal((FindingCodes.T4GroupTotal, "reviewAndLitigation.litigationDirect"), (finding.Code, finding.Where));
        Assert.Equal("表四“行政诉讼·未经复议直接起诉”：结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 2 ≠ 总计 3", finding.Message);
    }

    [Fact]
    public void A_statistical_period_outside_the_report_year_is_a_warning()
    {
        var report = ConsistentReport.Create() with
        {
            StatisticalPeriod = new StatisticalPeriod(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)),
        };

        var finding = Assert.Single(ReportValidator.Validate(report));

        Assert.Equal((FindingCodes.PeriodYearMismatch, "statisticalPeriod", FindingSeverity.Warning), (finding.Code, finding.Where, finding.Severity));
        Assert.Equal("统计期限 2022-01-01 至 2022-12-31 与报告年度 2023 不符", finding.Message);
    }

    [Fact]
    public void A_request_count_in_the_overview_that_differs_from_table_three_is_a_narrative_mismatch()
    {
        var report = ConsistentReport.Create() with { Sections = new ReportSections("2023年，共收到 7 件依申请公开事项。", null, null) };

        var finding = Assert.Single(ReportValidator.Validate(report));

        Assert.Equal((FindingCodes.NarrativeMismatch, "applications.newReceived"), (finding.Code, finding.Where));
        Assert.Contains("7", finding.Message);
        Assert.Contains("5", finding.Message);
    }

    [Theory]
    [InlineData("全年共收到三件依申请公开事项。", 3)]
    [InlineData("本年度受理政府信息公开申请十二件。", 12)]
    [InlineData("共收到政府信息公开申请二十三件。", 23)]
    public void A_count_written_in_chinese_numerals_is_compared_too(string overview, int stated)
    {
        var report = ConsistentReport.Create() with { Sections = new ReportSections(overview, null, null) };

        var finding = Assert.Single(ReportValidator.Validate(report));

        Assert.Equal(FindingCodes.NarrativeMismatch, finding.Code);
        Assert.Contains($"申请 {stated} 件", finding.Message);
    }

    [Theory]
    [InlineData("通过邮寄方式收到依申请公开信息5条。")]
    [InlineData("全年共收到五件依申请公开事项。")]
    [InlineData("全年共收到 5 件依申请公开事项，均已答复。")]
    [InlineData("共处理市长热线交办件 4 起，信访件 3 起。")]
    public void A_request_count_that_agrees_or_is_about_something_else_is_not_a_mismatch(string overview)
    {
        var report = ConsistentReport.Create() with { Sections = new ReportSections(overview, null, null) };

        Assert.Empty(ReportValidator.Validate(report));
    }

    [Fact]
    public void Blank_cells_are_one_info_finding_per_table_and_never_trigger_a_rule()
    {
        var report = ConsistentReport.Create();
        report.Applications["newReceived", "naturalPerson"] = null;
        report.Applications["granted", "total"] = null;
        report.ReviewAndLitigation["review", "pending"] = null;

        var findings = ReportValidator.Validate(report);

        Assert.Equal([(FindingCodes.BlankCells, "applications"), (FindingCodes.BlankCells, "reviewAndLitigation")],
            findings.Select(f => (f.Code, f.Where)).Order());
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Info, f.Severity));
        Assert.Contains("2 个单元格", findings.First(f => f.Where == "applications").Message);
    }

    [Fact]
    public void A_null_operand_silences_a_rule_that_its_other_operands_would_break()
    {
        var report = ConsistentReport.Create();
        report.ReviewAndLitigation["review", "total"] = 9;
        report.ReviewAndLitigation["review", "upheld"] = null;
        report.Applications["carriedOver", "total"] = 7;
        report.Applications["carriedOver", "naturalPerson"] = null;
        report.Applications["newReceived", "total"] = null;

        var rules = ReportValidator.Validate(report).Where(f => f.Severity == FindingSeverity.Error);

        Assert.Empty(rules);
    }

    [Fact]
    public void Tables_that_were_not_printed_get_no_blank_cells_finding()
    {
        var report = AnnualReport.Blank(Template2021.Id) with { Year = 2023 };

        Assert.Empty(ReportValidator.Validate(report));
        Assert.Empty(ReportValidator.Validate(report, new HashSet<string>()));
        Assert.Single(ReportValidator.Validate(report, new HashSet<string> { "applications" }));
    }
}
