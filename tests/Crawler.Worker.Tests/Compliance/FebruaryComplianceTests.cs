using System.Globalization;
using System.Text.Json.Nodes;
using Crawler.Worker.Tests.Cli;

namespace Crawler.Worker.Tests.Compliance;

/// <summary>
/// The February check end to end: a real crawl of a site whose files all say Last-Modified today, then
/// <c>crawler compliance</c>. One report published on 6 February (page, URL and list entry agree) is late by
/// exactly 6 days, one agency has no report, and the on-time report stays on time though it was fetched today.
/// </summary>
public sealed class FebruaryComplianceTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("february-").FullName;
    private FebruarySite _site = null!;
    private string _data = null!;
    private string _sources = null!;

    public async Task InitializeAsync()
    {
        _site = await FebruarySite.StartAsync();
        _data = Path.Combine(_directory, "data");
        _sources = _site.WriteSourcesFile(_directory);
        await FebruaryCrawl.RunAsync(_data, _site.Sources());
    }

    [Fact]
    public async Task One_report_is_late_by_six_days_one_agency_is_missing_and_the_other_is_on_time()
    {
        var (exit, output, error) = await StoredReportsFixture.RunAsync("compliance", "--year", "2023", "--data", _data, "--sources", _sources, "--format", "json");
        Assert.True(exit == 0, error);
        var rows = JsonNode.Parse(output)!.AsArray().Select(r => r!.AsObject()).ToList();

        Assert.Equal(3, rows.Count);
        var late = Assert.Single(rows, r => Status(r) == "late");
        Assert.Equal(FebruarySite.LateAgency, late["agency"]!.GetValue<string>());
        Assert.Equal(6, late["daysLate"]!.GetValue<int>());
        Assert.Equal("2024-02-06", late["publishedAt"]!.GetValue<string>());
        Assert.Equal("pageMetadata", late["publishedAtSource"]!.GetValue<string>());
        Assert.Equal("2024-01-31", late["deadline"]!.GetValue<string>());
        Assert.Equal(2023, late["year"]!.GetValue<int>());
        Assert.Equal("feb-liaocheng-commerce", late["sourceId"]!.GetValue<string>());
        Assert.IsType<JsonArray>(late["findings"]);

        var missing = Assert.Single(rows, r => Status(r) == "missing");
        Assert.Equal(FebruarySite.MissingAgency, missing["agency"]!.GetValue<string>());
        Assert.Null(missing["publishedAt"]);
        Assert.Null(missing["daysLate"]);

        var onTime = Assert.Single(rows, r => Status(r) == "onTime");
        Assert.Equal((FebruarySite.OnTimeAgency, "2024-01-30"), (onTime["agency"]!.GetValue<string>(), onTime["publishedAt"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_late_reports_page_url_and_list_entry_agree_and_last_modified_today_is_recorded_but_not_used()
    {
        var (_, output, _) = await StoredReportsFixture.RunAsync("reports", "--data", _data, "--agency", FebruarySite.LateAgency, "--format", "json");
        var version = Assert.Single(JsonNode.Parse(output)!.AsArray())!;
        var dates = version["publicationDates"]!.AsArray().Select(d => (d!["source"]!.GetValue<string>(), d["date"]!.GetValue<string>())).ToList();
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

        Assert.Contains(("pageMetadata", "2024-02-06"), dates);
        Assert.Contains(("pageText", "2024-02-06"), dates);
        Assert.Contains(("url", "2024-02-06"), dates);
        Assert.Contains(("listEntry", "2024-02-06"), dates);
        // Last-Modified is today (within a day: the crawl may straddle midnight): recorded, outranked, and no conflict.
        var lastModified = DateOnly.ParseExact(Assert.Single(dates, d => d.Item1 == "lastModified").Item2, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.InRange(today.DayNumber - lastModified.DayNumber, 0, 1);
        Assert.Contains(dates, d => d.Item1 == "firstFetched");
        Assert.Equal(("2024-02-06", "pageMetadata"), (version["publishedAt"]!.GetValue<string>(), version["publishedAtSource"]!.GetValue<string>()));
        Assert.DoesNotContain("PUBLISHED_AT_CONFLICT", version["findings"]!.ToJsonString());
    }

    [Fact]
    public async Task The_csv_and_the_table_carry_the_same_facts()
    {
        var (_, csv, _) = await StoredReportsFixture.RunAsync("compliance", "--year", "2023", "--data", _data, "--sources", _sources, "--format", "csv");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(3, rows.Count);
        var late = Assert.Single(rows, r => r["status"] == "late");
        Assert.Equal((FebruarySite.LateAgency, "2024-02-06", "pageMetadata", "6", "2024-01-31"), (late["agency"], late["publishedAt"], late["publishedAtSource"], late["daysLate"], late["deadline"]));
        Assert.Equal(FebruarySite.MissingAgency, Assert.Single(rows, r => r["status"] == "missing")["agency"]);

        var (_, table, _) = await StoredReportsFixture.RunAsync("compliance", "--year", "2023", "--data", _data, "--sources", _sources);
        Assert.Contains("逾期发布（6 天）", table);
        Assert.Contains("未发布", table);
        Assert.Contains("按时发布 1，逾期发布 1，未发布 1，日期不明 0", table);
    }

    [Fact]
    public async Task An_earlier_provincial_deadline_or_one_on_the_command_line_changes_the_verdict()
    {
        var (_, output, _) = await StoredReportsFixture.RunAsync("compliance", "--year", "2023", "--data", _data, "--sources", _sources, "--format", "json", "--deadline", "2024-01-29");
        var rows = JsonNode.Parse(output)!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(8, Assert.Single(rows, r => r["agency"]!.GetValue<string>() == FebruarySite.LateAgency)["daysLate"]!.GetValue<int>());
        Assert.Equal(1, Assert.Single(rows, r => r["agency"]!.GetValue<string>() == FebruarySite.OnTimeAgency)["daysLate"]!.GetValue<int>());
    }

    private static string Status(JsonObject row) => row["status"]!.GetValue<string>();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
