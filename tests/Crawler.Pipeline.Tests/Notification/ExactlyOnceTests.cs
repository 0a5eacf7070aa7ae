using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Storage;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Tests.Notification;

/// <summary>Each alert reaches each channel once: repeats, retries, dead channels and restarts.</summary>
public sealed class ExactlyOnceTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alerts-once-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2024, 1, 26, 2, 0, 0, TimeSpan.Zero));
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    [Fact]
    public async Task The_same_version_announced_twice_is_delivered_once_per_channel()
    {
        await using var host = Host();
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);

        Assert.Equal(new DispatchSummary(2, 0, 0), await host.DeliverDueAsync());
        Assert.Equal(new DispatchSummary(0, 0, 0), await host.DeliverDueAsync());
        Assert.Single(_server.To("/hook"));
        Assert.Single(_server.To("/wecom"));
    }

    [Fact]
    public async Task A_channel_answering_500_then_200_gets_the_alert_once_after_the_backoff()
    {
        _server.Script("/hook", (500, "busy"));
        await using var host = Host();
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);

        Assert.Equal(new DispatchSummary(1, 1, 0), await host.DeliverDueAsync());
        Assert.Equal(1, host.Health.For("webhook").ConsecutiveFailures);

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(DispatchSummary.Idle, await host.DeliverDueAsync());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new DispatchSummary(1, 0, 0), await host.DeliverDueAsync());

        var attempts = _server.To("/hook");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Headers["Idempotency-Key"], attempts[1].Headers["Idempotency-Key"]);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.Equal(0, host.Health.For("webhook").ConsecutiveFailures);
        Assert.Equal(1, (await host.Outbox.CountAsync("alert:webhook", default))[OutboxStatus.Delivered]);
    }

    [Fact]
    public async Task A_channel_that_always_fails_is_declared_dead_after_the_budget_and_reported()
    {
        _server.Always("/hook", 503, "down");
        await using var host = Host(("Alerts:Retry:MaxAttempts", "3"));
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);

        Assert.Equal(new DispatchSummary(1, 1, 0), await host.DeliverDueAsync());
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DispatchSummary(0, 1, 0), await host.DeliverDueAsync());
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(DispatchSummary.Idle, await host.DeliverDueAsync()); // second backoff is 2 minutes
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DispatchSummary(0, 0, 1), await host.DeliverDueAsync());

        _clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(DispatchSummary.Idle, await host.DeliverDueAsync());
        Assert.Equal(3, _server.To("/hook").Count);
        Assert.Single(_server.To("/wecom"));

        var webhook = host.Health.For("webhook");
        Assert.Equal(3, webhook.ConsecutiveFailures);
        Assert.Equal(1, webhook.Dead);
        Assert.Equal(0, webhook.Delivered);
        Assert.StartsWith("HTTP 503", webhook.LastError, StringComparison.Ordinal);
        Assert.Equal("webhook: 0 sent, 1 dead, failing for 3 attempts (HTTP 503 Service Unavailable: down)", webhook.Describe());
        Assert.Equal(["webhook", "wecom"], host.Health.Snapshot().Select(e => e.Channel));
        var counts = await host.Outbox.CountAsync("alert:webhook", default);
        Assert.Equal((1, 0), (counts[OutboxStatus.Dead], counts[OutboxStatus.Pending]));
    }

    [Fact]
    public async Task A_restart_between_the_event_and_its_delivery_still_delivers_exactly_once()
    {
        await using (var before = Host())
        {
            await before.Observer.OnStoredAsync(SampleReports.Version(), default);
        }
        SqliteConnection.ClearAllPools();
        Assert.Empty(_server.Requests);

        await using (var after = Host())
        {
            // After a crash the processing stage may announce the same version again.
            await after.Observer.OnStoredAsync(SampleReports.Version(), default);
            Assert.Equal(new DispatchSummary(2, 0, 0), await after.DeliverDueAsync());
            Assert.Equal(DispatchSummary.Idle, await after.DeliverDueAsync());
        }
        Assert.Single(_server.To("/hook"));
        Assert.Single(_server.To("/wecom"));
    }

    [Fact]
    public async Task Dead_messages_stay_reported_after_a_restart()
    {
        _server.Always("/hook", 500, "");
        await using (var before = Host(("Alerts:Retry:MaxAttempts", "1")))
        {
            await before.Observer.OnStoredAsync(SampleReports.Version(), default);
            Assert.Equal(new DispatchSummary(1, 0, 1), await before.DeliverDueAsync());
        }
        SqliteConnection.ClearAllPools();

        await using var after = Host(("Alerts:Retry:MaxAttempts", "1"));
        Assert.Equal(DispatchSummary.Idle, await after.DeliverDueAsync());
        Assert.Equal(1, after.Health.For("webhook").Dead);
        Assert.Equal(0, after.Health.For("wecom").Dead);
    }

    [Fact]
    public async Task Disabled_events_and_documents_that_are_not_reports_queue_nothing()
    {
        await using var host = Host(("Alerts:Events:0", "missing-report,rule-violation"));
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);
        await host.Observer.OnStoredAsync(SampleReports.Version() with { Result = Crawler.Reports.Parsing.ReportParseResult.NotAReport("通知公告") }, default);
        Assert.Equal(DispatchSummary.Idle, await host.DeliverDueAsync());

        await host.Observer.OnStoredAsync(SampleReports.Version(2, "beef", SampleReports.BalanceError), default);
        Assert.Equal(new DispatchSummary(2, 0, 0), await host.DeliverDueAsync());
        Assert.Contains("\"event\":\"rule-violation\"", Assert.Single(_server.To("/hook")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dispatcher_running_as_a_hosted_service_delivers_without_being_asked()
    {
        var clock = TimeProvider.System;
        await using var host = new AlertTestHost(_directory, new ManualClock(DateTimeOffset.UtcNow), Settings(("Alerts:PollInterval", "00:00:00.100")));
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);
        await host.Dispatcher.StartAsync(default);
        var deadline = clock.GetUtcNow().AddSeconds(10);
        while (_server.Requests.Count < 2 && clock.GetUtcNow() < deadline) await Task.Delay(50);
        await host.Dispatcher.StopAsync(default);

        Assert.Single(_server.To("/hook"));
        Assert.Single(_server.To("/wecom"));
    }

    private AlertTestHost Host(params (string Key, string Value)[] extra) => new(_directory, _clock, Settings(extra));

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:Webhook:Url"] = _server.Url("/hook").AbsoluteUri,
            ["Alerts:WeCom:Url"] = _server.Url("/wecom?key=k").AbsoluteUri,
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
