using Crawler.Pipeline.Outbox;
using System.Text.Json;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Tests.Storage;

namespace Crawler.Pipeline.Tests.Notification;

/// <summary>
/// Missing-report alerts: after the deadline plus grace, once per source and year. The catalog is the
/// real state store (SQLite file) holding gold reports; alerts go through its outbox.
/// </summary>
public sealed class MissingReportCheckTests : IAsyncLifetime
{
    private static readonly Source Published = Source("sd-liaocheng-commerce", "聊城市商务局");
    private static readonly Source Silent = Source("qh-haidong-commerce", "海东市商务局");
    private static readonly Source County = Source("sd-liaocheng-gov", "聊城市人民政府");
    private static readonly Source Unverified = Source("hn-lushan-commerce", "鲁山县商务局") with { Verified = false };

    private readonly TemporaryDataDirectory _data = new();
    private RecordingServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RecordingServer.StartAsync();
        await StoreAsync(Published, 2023, GoldReports.Liaocheng);
        await StoreAsync(Published, 2024, GoldReports.Liaocheng);
        await StoreAsync(Silent, 2023, GoldReports.Haidong);
        await StoreAsync(County, 2023, GoldReports.LiaochengOffice);
    }

    [Fact]
    public async Task Nothing_is_announced_before_the_deadline_and_grace_have_passed()
    {
        // 31 January 2025 + 7 grace days ends at 2025-02-08 00:00 Beijing = 2025-02-07 16:00 UTC.
        var clock = new ManualClock(new DateTimeOffset(2025, 2, 7, 15, 59, 59, TimeSpan.Zero));
        await using var host = Host(clock);

        var queued = await host.MissingReports.RunAsync([Published, Silent, County], default);

        Assert.Empty(queued);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task After_the_grace_each_source_without_its_report_is_announced_once()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 2, 7, 16, 0, 0, TimeSpan.Zero));
        await using var host = Host(clock, ("Alerts:Deadline:Sources:sd-liaocheng-gov:Month", "3"), ("Alerts:Deadline:SkipUnverifiedSources", "true"));

        var queued = await host.MissingReports.RunAsync([Published, Silent, County, Unverified], default);

        var alert = Assert.Single(queued);
        Assert.Equal((AlertEventKind.MissingReport, "qh-haidong-commerce", 2024), (alert.Event, alert.SourceId, alert.Year));
        Assert.Equal(new DateOnly(2025, 1, 31), alert.DueDate);
        Assert.Equal("missing-report:qh-haidong-commerce:2024", alert.IdempotencyKey);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await host.MissingReports.RunAsync([Published, Silent, County, Unverified], default));

        Assert.Equal(new DispatchSummary(1, 0, 0), await host.DeliverDueAsync());
        var body = JsonDocument.Parse(Assert.Single(_server.To("/hook")).Body).RootElement;
        Assert.Equal("missing-report", body.GetProperty("event").GetString());
        Assert.Equal("海东市商务局", body.GetProperty("agency").GetString());
        Assert.Equal(2024, body.GetProperty("year").GetInt32());
        Assert.Equal("2025-01-31", body.GetProperty("dueDate").GetString());
        Assert.Equal("http://127.0.0.1:9/qh-haidong-commerce/", body.GetProperty("url").GetString());
        Assert.Empty(body.GetProperty("findings").EnumerateArray());
        Assert.Contains("应于 2025-01-31 前公开，截至 2025-02-08 仍未发现该年度报告", body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_per_source_deadline_of_31_March_delays_that_source_only()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 4, 7, 16, 0, 0, TimeSpan.Zero));
        await using var host = Host(clock, ("Alerts:Deadline:Sources:sd-liaocheng-gov:Month", "3"), ("Alerts:Deadline:Sources:sd-liaocheng-gov:Day", "31"));

        clock.Set(new DateTimeOffset(2025, 4, 7, 15, 59, 0, TimeSpan.Zero));
        Assert.Equal(["qh-haidong-commerce"], (await host.MissingReports.RunAsync([Silent, County], default)).Select(a => a.SourceId));

        clock.Set(new DateTimeOffset(2025, 4, 7, 16, 0, 0, TimeSpan.Zero));
        var county = Assert.Single(await host.MissingReports.RunAsync([Silent, County], default));
        Assert.Equal(("sd-liaocheng-gov", 2024, new DateOnly(2025, 3, 31)), (county.SourceId, county.Year!.Value, county.DueDate!.Value));
    }

    [Theory]
    [InlineData("2025-02-07T15:59:59Z", 7, 2023)]
    [InlineData("2025-02-07T16:00:00Z", 7, 2024)]
    [InlineData("2025-01-31T15:59:59Z", 0, 2023)] // the whole due day (Beijing) is still on time
    [InlineData("2025-01-31T16:00:00Z", 0, 2024)]
    [InlineData("2025-12-31T23:59:59Z", 7, 2024)]
    public void The_overdue_year_follows_the_deadline_in_Beijing_time(string now, int graceDays, int expectedYear)
    {
        var years = MissingReportCheck.OverdueYears(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), (1, 31, graceDays), 2).ToList();

        Assert.Equal([expectedYear, expectedYear - 1], years.Select(y => y.Year));
        Assert.Equal(new DateOnly(expectedYear + 1, 1, 31), years[0].DueDate);
    }

    [Fact]
    public async Task Sources_not_yet_verified_are_checked_unless_skipped()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 2, 10, 0, 0, 0, TimeSpan.Zero));
        await using var host = Host(clock);

        var queued = await host.MissingReports.RunAsync([Published, Unverified], default);

        Assert.Equal([("hn-lushan-commerce", 2024)], queued.Select(a => (a.SourceId, a.Year!.Value)));
    }

    [Fact]
    public async Task Years_before_FirstYear_are_never_announced()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 2, 10, 0, 0, 0, TimeSpan.Zero));
        await using var host = Host(clock, ("Alerts:Deadline:FirstYear", "2024"), ("Alerts:Deadline:YearsBack", "3"));
        var newcomer = Source("gs-new-agency", "新设机关");

        var queued = await host.MissingReports.RunAsync([newcomer], default);

        Assert.Equal([2024], queued.Select(a => a.Year!.Value));
    }

    private static Source Source(string id, string agency) => new()
    {
        Id = id,
        Agency = agency,
        StartUrls = [$"http://127.0.0.1:9/{id}/"],
        Verified = true,
    };

    private async Task StoreAsync(Source source, int year, string gold)
    {
        var draft = GoldReports.Draft(gold, bytes: $"{source.Id} {year}");
        var result = draft.Result with { Report = draft.Result.Report with { Year = year } };
        await _data.Store().StoreVersionAsync(draft with { SourceId = source.Id, Year = year, Result = result }, default);
    }

    private AlertTestHost Host(ManualClock clock, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Alerts:Webhook:Url"] = _server.Url("/hook").AbsoluteUri };
        foreach (var (key, value) in extra) settings[key] = value;
        return new AlertTestHost(_data.Root, clock, settings);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _data.Dispose();
    }
}
