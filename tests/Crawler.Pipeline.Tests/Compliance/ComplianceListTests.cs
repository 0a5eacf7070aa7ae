using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Publication;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Tests.Compliance;

public class ComplianceListTests
{
    private static readonly ComplianceDeadlines Regulation = new();

    private static Source Source(string id, string agency, string? region = null) => new() { Id = id, Agency = agency, Region = region, StartUrls = ["http://example.gov.cn/"] };

    private static PublicationDate On(int month, int day, DateSource source = DateSource.PageMetadata, int year = 2024) => new(new DateOnly(year, month, day), source, source.ToString());

    private static ReportVersionRecord Version(string sourceId, string agency, int version, DateTimeOffset fetchedAt, PublicationDate? published,
        string template = "2021", params Finding[] findings) => new()
    {
        VersionId = version, ReportId = 1, Agency = agency, Year = 2023, Version = version, IsLatest = true, SourceId = sourceId,
        DocumentUrl = new Uri($"http://example.gov.cn/{sourceId}/{version}.html"), Sha256 = new string('a', 64), MediaType = "text/html",
        FetchedAt = fetchedAt, Template = template, ParsedJson = "{}", Findings = findings, PublishedAt = published,
    };

    private static readonly DateTimeOffset LongAfter = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reports_found_long_after_the_deadline_are_judged_by_their_own_dates()
    {
        var sources = new[] { Source("a", "甲市商务局"), Source("b", "乙县商务局"), Source("c", "丙区商务局"), Source("d", "丁市商务局") };
        var broken = new Finding(FindingCodes.T3Balance, FindingSeverity.Error, "applications.columns.total", "表三\"总计\"列：…");
        var label = new Finding(FindingCodes.LabelVariant, FindingSeverity.Info, "applications.columns.total", "合计");
        var versions = new[]
        {
            Version("a", "甲市商务局", 1, LongAfter, On(1, 25), "2021", label),
            Version("a", "甲市商务局", 2, LongAfter.AddDays(3), On(3, 1), "2021", broken, label),
            Version("b", "乙县商务局", 1, LongAfter, On(2, 6, DateSource.Url), "2019"),
            Version("d", "丁市商务局", 1, LongAfter, null),
        };

        var rows = ComplianceList.Build(2023, sources, versions, Regulation).ToDictionary(r => r.SourceId!);

        Assert.Equal(ComplianceStatus.OnTime, rows["a"].Status);
        Assert.Equal(new DateOnly(2024, 1, 25), rows["a"].PublishedAt!.Date);      // the first version's date: a correction does not make it late
        Assert.Equal(2, rows["a"].Versions);
        Assert.False(rows["a"].FiguresAddUp);
        Assert.Equal(FindingCodes.T3Balance, Assert.Single(rows["a"].RuleViolations).Code);
        Assert.Equal(FindingCodes.LabelVariant, Assert.Single(rows["a"].OtherFindings).Code);

        Assert.Equal(ComplianceStatus.Late, rows["b"].Status);
        Assert.Equal(6, rows["b"].DaysLate);
        Assert.Equal(DateSource.Url, rows["b"].PublishedAt!.Source);
        Assert.False(rows["b"].StandardFormat);

        Assert.Equal(ComplianceStatus.Missing, rows["c"].Status);
        Assert.Null(rows["c"].PublishedAt);

        Assert.Equal(ComplianceStatus.UnknownDate, rows["d"].Status);                // dated only by a fetch long after the deadline
        Assert.Equal(DateSource.FirstFetched, rows["d"].PublishedAt!.Source);

        Assert.Equal(["c", "b", "d", "a"], ComplianceList.Build(2023, sources, versions, Regulation).Select(r => r.SourceId));
    }

    [Fact]
    public void The_due_day_is_on_time_in_beijing_and_the_next_day_is_one_day_late()
    {
        var sources = new[] { Source("a", "甲市商务局") };
        Assert.Equal(ComplianceStatus.OnTime, Assert.Single(ComplianceList.Build(2023, sources, [Version("a", "甲市商务局", 1, LongAfter, On(1, 31))], Regulation)).Status);
        var late = Assert.Single(ComplianceList.Build(2023, sources, [Version("a", "甲市商务局", 1, LongAfter, On(2, 1, DateSource.LastModified))], Regulation));
        Assert.Equal((ComplianceStatus.Late, 1), (late.Status, late.DaysLate));
        Assert.Equal(ComplianceStatus.Missing, Assert.Single(ComplianceList.Build(2022, sources, [Version("a", "甲市商务局", 1, LongAfter, On(1, 31))], Regulation)).Status);
    }

    [Fact]
    public void A_fetch_before_the_deadline_proves_the_report_was_online_in_time()
    {
        var sources = new[] { Source("a", "甲市商务局") };
        var seenInTime = new DateTimeOffset(2024, 1, 31, 15, 0, 0, TimeSpan.Zero);    // 23:00 on 31 January in Beijing
        var row = Assert.Single(ComplianceList.Build(2023, sources, [Version("a", "甲市商务局", 1, seenInTime, null)], Regulation));
        Assert.Equal(ComplianceStatus.OnTime, row.Status);
        Assert.Equal(DateSource.FirstFetched, row.PublishedAt!.Source);

        var seenLate = seenInTime.AddHours(1);                                         // 00:00 on 1 February in Beijing
        Assert.Equal(ComplianceStatus.UnknownDate, Assert.Single(ComplianceList.Build(2023, sources, [Version("a", "甲市商务局", 1, seenLate, null)], Regulation)).Status);
    }

    [Fact]
    public void A_month_is_on_time_late_or_unknown_by_where_the_due_date_falls()
    {
        PublicationDate Month(int month) => new(new DateOnly(2024, month, 1), DateSource.Url, "/2024" + month.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "/") { Precision = DatePrecision.Month };
        Assert.Equal((ComplianceStatus.OnTime, (int?)null), PublicationVerdict.Judge(Month(1), new DateOnly(2024, 1, 31)));
        Assert.Equal((ComplianceStatus.Late, (int?)1), PublicationVerdict.Judge(Month(2), new DateOnly(2024, 1, 31)));
        Assert.Equal((ComplianceStatus.UnknownDate, (int?)null), PublicationVerdict.Judge(Month(1), new DateOnly(2024, 1, 20)));
    }

    [Fact]
    public void Due_dates_come_from_the_command_line_a_regional_entry_a_yearly_entry_the_alert_rule_or_the_regulation()
    {
        var options = new ComplianceOptions
        {
            Deadlines =
            [
                new ComplianceDeadline { Year = 2023, Date = new DateOnly(2024, 1, 25) },
                new ComplianceDeadline { Year = 2023, Region = "山东省", Date = new DateOnly(2024, 1, 20) },
                new ComplianceDeadline { Year = 2023, Region = "山东省聊城市", Date = new DateOnly(2024, 1, 15) },
            ],
        };
        var alerts = new DeadlineOptions { Sources = { ["county-gov"] = new DeadlineRule { Month = 3, Day = 31 } } };
        var deadlines = new ComplianceDeadlines(options, alerts);

        Assert.Equal(new DateOnly(2024, 1, 15), deadlines.DueDate(2023, "x", "山东省聊城市东昌府区"));
        Assert.Equal(new DateOnly(2024, 1, 20), deadlines.DueDate(2023, "x", "山东省威海市"));
        Assert.Equal(new DateOnly(2024, 1, 25), deadlines.DueDate(2023, "county-gov", "河南省"));
        Assert.Equal(new DateOnly(2025, 3, 31), deadlines.DueDate(2024, "county-gov", "河南省"));
        Assert.Equal(new DateOnly(2025, 1, 31), deadlines.DueDate(2024, "x", "山东省"));
        Assert.Equal(new DateOnly(2024, 2, 10), new ComplianceDeadlines(options, alerts, new DateOnly(2024, 2, 10)).DueDate(2023, "x", "山东省聊城市"));

        var rows = ComplianceList.Build(2023, [Source("a", "甲", "山东省聊城市")], [Version("a", "甲", 1, LongAfter, On(1, 18))], deadlines);
        Assert.Equal((ComplianceStatus.Late, 3), (rows[0].Status, rows[0].DaysLate));
    }

    [Fact]
    public void Reports_of_sources_no_longer_watched_are_listed_rather_than_hidden()
    {
        var rows = ComplianceList.Build(2023, [], [Version("gone", "丁市商务局", 1, LongAfter, On(1, 20))], Regulation);
        Assert.Equal("丁市商务局", Assert.Single(rows).Agency);
    }
}
