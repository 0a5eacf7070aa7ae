using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Storage;
using Crawler.Worker.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Tests.Web;

/// <summary>Alert channel health on /metrics, scraped from real Kestrel on 127.0.0.1.</summary>
public sealed class AlertMetricsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alert-metrics-").FullName;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCrawlerWeb(builder.Configuration);
        builder.Services.AddSingleton<IOutbox>(new SqliteOutbox($"Data Source={Path.Combine(_directory, "state.db")}", TimeProvider.System));
        builder.Services.AddSingleton<IReportCatalog>(new EmptyCatalog());
        builder.Services.AddAlerts(new ConfigurationBuilder().Build());
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapCrawlerEndpoints();
        await _app.StartAsync();
    }

    [Fact]
    public async Task Deliveries_count_as_alerts_sent_and_a_failing_channel_shows_its_consecutive_failures()
    {
        var health = _app.Services.GetRequiredService<ChannelHealth>();
        var now = DateTimeOffset.UtcNow;
        // The Crawler.Alerts meter is process-wide: channel names of their own keep other tests' deliveries out.
        health.RecordDelivered("gauge-test-webhook", now);
        health.RecordFailed("gauge-test-dingtalk", "HTTP 500", now, dead: false);
        health.RecordFailed("gauge-test-dingtalk", "errcode 310000", now, dead: true);

        using var http = new HttpClient();
        var lines = (await http.GetStringAsync(new Uri(new Uri(_app.Urls.Single()), "/metrics"))).Split('\n');

        Assert.Contains("crawler_alerts_sent_total{channel=\"gauge-test-webhook\"} 1", lines);
        Assert.Contains("crawler_alerts_dead_total{channel=\"gauge-test-dingtalk\"} 1", lines);
        Assert.Contains("# TYPE crawler_alerts_consecutive_failures gauge", lines);
        Assert.Contains("crawler_alerts_consecutive_failures{channel=\"gauge-test-dingtalk\"} 2", lines);
        Assert.Contains("crawler_alerts_consecutive_failures{channel=\"gauge-test-webhook\"} 0", lines);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class EmptyCatalog : IReportCatalog
    {
        public Task<bool> HasReportAsync(string sourceId, int year, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
