using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Notification;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Tests.Notification;

/// <summary>Transport failures become failed attempts with a reason, never exceptions or silent successes.</summary>
public sealed class ChannelFailureTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alerts-fail-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2024, 1, 26, 2, 0, 0, TimeSpan.Zero));
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    [Fact]
    public async Task A_refused_connection_is_a_failed_attempt_naming_the_host()
    {
        await using var host = Host(("Alerts:Webhook:Url", "http://127.0.0.1:1/hook"));
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);

        Assert.Equal(new DispatchSummary(0, 1, 0), await host.DeliverDueAsync());
        Assert.StartsWith("127.0.0.1:1 unreachable", host.Health.For("webhook").LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_in_time_is_a_failed_attempt()
    {
        _server.Stall("/slow", TimeSpan.FromSeconds(30));
        await using var host = Host(("Alerts:Webhook:Url", _server.Url("/slow").AbsoluteUri), ("Alerts:Timeout", "00:00:00.300"));
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);

        var started = DateTime.UtcNow;
        Assert.Equal(new DispatchSummary(0, 1, 0), await host.DeliverDueAsync());

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.Equal("no answer from 127.0.0.1:" + _server.BaseAddress.Port + " within 0.3 s", host.Health.For("webhook").LastError);
    }

    [Fact]
    public async Task A_WeCom_reply_without_errcode_is_not_taken_for_success()
    {
        _server.Always("/wecom", 200, "{}");
        await using var host = Host(("Alerts:WeCom:Url", _server.Url("/wecom?key=k").AbsoluteUri));
        await host.Observer.OnStoredAsync(SampleReports.Version(), default);

        Assert.Equal(new DispatchSummary(0, 1, 0), await host.DeliverDueAsync());
        Assert.Equal("reply has none of errcode: {}", host.Health.For("wecom").LastError);
    }

    private AlertTestHost Host(params (string Key, string Value)[] settings) =>
        new(_directory, _clock, settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
