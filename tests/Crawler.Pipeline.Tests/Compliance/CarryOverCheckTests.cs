using System.Text;
using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Processing;
using Crawler.Pipeline.Tests.Storage;
using Crawler.Reports.CrossYear;
using Crawler.Reports.Json;
using Crawler.Reports.Model;
using Crawler.Reports.Parsing;

namespace Crawler.Pipeline.Tests.Compliance;

/// <summary>Two years of one agency through the real processor and SQLite store: 上年结转 against last year's 结转下年度.</summary>
public sealed class CarryOverCheckTests : IDisposable
{
    private readonly ProcessingHarness _harness = new();

    private static ReportParseResult Report(int year, string row, decimal naturalPerson)
    {
        var result = GoldReports.Result(GoldReports.Liaocheng);
        result.Report.Applications[row, "naturalPerson"] = naturalPerson;
        result.Report.Applications[row, "total"] = naturalPerson;
        return result with { Report = result.Report with { Year = year } };
    }

    private async Task StoreAsync(ReportParseResult result, string url) =>
        await _harness.Pipeline.ProcessAsync(_harness.Fetched(url, Encoding.UTF8.GetBytes(ReportJson.Serialize(result))), null, default);

    private async Task<ReportVersionRecord> LatestAsync(int year) =>
        Assert.Single(await _harness.Store.ListVersionsAsync(new ReportFilter { Year = year, LatestOnly = true }, default));

    [Fact]
    public async Task A_pair_whose_carried_figures_differ_gives_findings_on_the_newer_report_naming_both()
    {
        await StoreAsync(Report(2022, "carriedForward", 2), "http://127.0.0.1/2022.html");
        await StoreAsync(Report(2023, "carriedOver", 3), "http://127.0.0.1/2023.html");

        var findings = (await LatestAsync(2023)).Findings.Where(f => f.Code == CarryOverRule.Code).ToList();
        Assert.Equal(["applications.columns.naturalPerson", "applications.columns.total"], findings.Select(f => f.Where));
        Assert.Equal("表三“自然人”列：2023年报告 二、上年结转 3 ≠ 2022年报告 四、结转下年度继续办理 2", findings[0].Message);
        Assert.DoesNotContain((await LatestAsync(2022)).Findings, f => f.Code == CarryOverRule.Code);
    }

    [Fact]
    public async Task A_consistent_pair_stays_silent()
    {
        await StoreAsync(Report(2022, "carriedForward", 2), "http://127.0.0.1/2022.html");
        await StoreAsync(Report(2023, "carriedOver", 2), "http://127.0.0.1/2023.html");

        Assert.DoesNotContain((await LatestAsync(2023)).Findings, f => f.Code == CarryOverRule.Code);
        var rows = await ComplianceQuery.LoadAsync(_harness.Store, 2023, [], new ComplianceDeadlines(), default);
        // Silent in the compliance list too. (Changing one carry figure unbalances table 3, which the validation stage
        // rightly reports: only the cross-year rule is under test here.)
        Assert.DoesNotContain(Assert.Single(rows).RuleViolations, f => f.Code == CarryOverRule.Code);
        Assert.DoesNotContain(Assert.Single(rows).Findings, f => f.Code == CarryOverRule.Code);
    }

    [Fact]
    public async Task Last_years_report_crawled_after_this_years_still_gives_the_finding_in_the_compliance_list()
    {
        await StoreAsync(Report(2023, "carriedOver", 3), "http://127.0.0.1/2023.html");
        await StoreAsync(Report(2022, "carriedForward", 2), "http://127.0.0.1/2022.html");
        Assert.DoesNotContain((await LatestAsync(2023)).Findings, f => f.Code == CarryOverRule.Code);   // stored before last year's existed

        var row = Assert.Single(await ComplianceQuery.LoadAsync(_harness.Store, 2023, [ProcessingHarness.Liaocheng], new ComplianceDeadlines(), default));

        Assert.False(row.FiguresAddUp);
        Assert.Equal(2, row.RuleViolations.Count(f => f.Code == CarryOverRule.Code));
        Assert.Contains(row.Findings, f => f.Message.Contains("2022年报告 四、结转下年度继续办理 2", StringComparison.Ordinal));
    }

    public void Dispose() => _harness.Dispose();
}
