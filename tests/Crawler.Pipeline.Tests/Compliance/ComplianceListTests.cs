using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Tests.Compliance;

public class ComplianceListTests
{
    private static readonly DateTimeOffset Deadline = ComplianceList.DefaultDeadline(2023);

    private static Source Source(string id, string agency) => new() { Id = id, Agency = agency, StartUrls = ["http://example.gov.cn/"] };

    private static ReportVersionRecord Version(string sourceId, string agency, int version, DateTimeOffset fetchedAt, string template = "2021", params Finding[] findings) => new()
    {
        VersionId = version, ReportId = 1, Agency = agency, Year = 2023, Version = version, IsLatest = true, SourceId = sourceId,
        DocumentUrl = new Uri($"http://example.gov.cn/{sourceId}/{version}.html"), Sha256 = new string('a', 64), MediaType = "text/html",
        FetchedAt = fetchedAt, Template = template, ParsedJson = "{}", Findings = findings,
    };

    [Fact]
    public void Each_watched_agency_is_published_found_late_or_missing_with_its_rule_violations()
    {
        var sources = new[] { Source("a", "甲市商务局"), Source("b", "乙县商务局"), Source("c", "丙区商务局") };
        var broken = new Finding(FindingCodes.T3Balance, FindingSeverity.Error, "applications.columns.total", "表三\"总计\"列：…");
        var label = new Finding(FindingCodes.LabelVariant, FindingSeverity.Info, "applications.columns.total", "合计");
        var versions = new[]
        {
            Version("a", "甲市商务局", 1, new DateTimeOffset(2024, 1, 20, 10, 0, 0, TimeSpan.Zero), "2021", label),
            Version("a", "甲市商务局", 2, new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), "2021", broken, label),
            Version("b", "乙县商务局", 1, new DateTimeOffset(2024, 2, 5, 10, 0, 0, TimeSpan.Zero), "2019"),
        };

        var rows = ComplianceList.Build(2023, sources, versions, Deadline).ToDictionary(r => r.SourceId!);

        Assert.Equal(ComplianceStatus.Published, rows["a"].Status);
        Assert.Equal(new DateTimeOffset(2024, 1, 20, 10, 0, 0, TimeSpan.Zero), rows["a"].FirstFoundAt);
        Assert.Equal(2, rows["a"].Versions);
        Assert.False(rows["a"].FiguresAddUp);
        Assert.Equal(FindingCodes.T3Balance, Assert.Single(rows["a"].RuleViolations).Code);
        Assert.Equal(FindingCodes.LabelVariant, Assert.Single(rows["a"].OtherFindings).Code);

        Assert.Equal(ComplianceStatus.FoundAfterDeadline, rows["b"].Status);
        Assert.False(rows["b"].StandardFormat);
        Assert.True(rows["b"].FiguresAddUp);

        Assert.Equal(ComplianceStatus.Missing, rows["c"].Status);
        Assert.Null(rows["c"].FirstFoundAt);
    }

    [Fact]
    public void The_deadline_is_the_end_of_31_January_Beijing_time_and_other_years_do_not_count()
    {
        var sources = new[] { Source("a", "甲市商务局") };
        var lastMinute = new DateTimeOffset(2024, 1, 31, 23, 59, 0, TimeSpan.FromHours(8));
        var rows = ComplianceList.Build(2023, sources, [Version("a", "甲市商务局", 1, lastMinute)], Deadline);
        Assert.Equal(ComplianceStatus.Published, Assert.Single(rows).Status);

        var oneMinuteLate = lastMinute.AddMinutes(2);
        Assert.Equal(ComplianceStatus.FoundAfterDeadline, Assert.Single(ComplianceList.Build(2023, sources, [Version("a", "甲市商务局", 1, oneMinuteLate)], Deadline)).Status);
        Assert.Equal(ComplianceStatus.Missing, Assert.Single(ComplianceList.Build(2022, sources, [Version("a", "甲市商务局", 1, lastMinute)], ComplianceList.DefaultDeadline(2022))).Status);
    }

    [Fact]
    public void Reports_of_sources_no_longer_watched_are_listed_rather_than_hidden()
    {
        var rows = ComplianceList.Build(2023, [], [Version("gone", "丁市商务局", 1, DateTimeOffset.UnixEpoch.AddYears(54))], Deadline);
        Assert.Equal("丁市商务局", Assert.Single(rows).Agency);
    }
}
