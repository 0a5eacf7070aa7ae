using Crawler.Testing.Elasticsearch;
using System.Net;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Telemetry;
using Crawler.Pipeline.Tests.Indexing;
using Crawler.Worker.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Worker.Tests.Web;

/// <summary>The worker's endpoints served by real Kestrel on 127.0.0.1 and read with real HTTP GETs.</summary>
public sealed class CrawlerEndpointsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("web-").FullName;
    private readonly HttpClient _http = new();
    private WebApplication? _app;

    private async Task<Uri> StartAsync(string? stateDatabase = null, Uri? elasticsearch = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Web:Port"] = "8080", ["Web:BindAddress"] = "127.0.0.1" });
        builder.Services.AddCrawlerWeb(builder.Configuration);
        builder.Services.AddSingleton<IOutbox>(new SqliteOutbox($"Data Source={stateDatabase ?? Path.Combine(_directory, "state.db")}", TimeProvider.System));
        if (elasticsearch is not null)
        {
            var options = new ElasticsearchOptions { Url = elasticsearch };
            builder.Services.AddSingleton<IReportIndex>(new ElasticsearchReportIndex(ElasticsearchClientFactory.Create(options), options));
        }
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapCrawlerEndpoints();
        await _app.StartAsync();
        return new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [Fact]
    public async Task Healthz_answers_ok_without_asking_any_dependency()
    {
        var url = await StartAsync(stateDatabase: "/nonexistent/dir/state.db");

        using var response = await _http.GetAsync(new Uri(url, "/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_with_counters_by_label_and_outbox_depth_by_topic()
    {
        var url = await StartAsync();
        var metrics = _app!.Services.GetRequiredService<CrawlerMetrics>();
        var outbox = _app.Services.GetRequiredService<IOutbox>();
        metrics.DocumentFetched("liaocheng-commerce");
        metrics.DocumentFetched("liaocheng-commerce");
        metrics.DocumentFetched("jinan-\"quoted\"");
        metrics.FindingRaised("T3_BALANCE");
        new Crawler.Pipeline.Notification.ChannelHealth().RecordDelivered("metrics-test-wecom", DateTimeOffset.UtcNow); // a static meter: a name no other test uses
        await outbox.EnqueueAsync("index", "a", "{}", default);
        await outbox.EnqueueAsync("index", "b", "{}", default);
        await outbox.EnqueueAsync("alert:webhook", "c", "{}", default);

        using var response = await _http.GetAsync(new Uri(url, "/metrics"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var lines = text.Split('\n');
        Assert.Contains("# TYPE crawler_documents_fetched_total counter", lines);
        Assert.Contains("crawler_documents_fetched_total{source=\"liaocheng-commerce\"} 2", lines);
        Assert.Contains("crawler_documents_fetched_total{source=\"jinan-\\\"quoted\\\"\"} 1", lines);
        Assert.Contains("crawler_findings_total{code=\"T3_BALANCE\"} 1", lines);
        Assert.Contains("crawler_alerts_sent_total{channel=\"metrics-test-wecom\"} 1", lines);
        Assert.Contains("# TYPE crawler_outbox_pending gauge", lines);
        Assert.Contains("crawler_outbox_pending{topic=\"index\"} 2", lines);
        Assert.Contains("crawler_outbox_pending{topic=\"alert:webhook\"} 1", lines);
        Assert.Contains("crawler_outbox_dead{topic=\"index\"} 0", lines);
        Assert.EndsWith("\n", text);
    }

    [Theory]
    [InlineData("green", HttpStatusCode.OK)]
    [InlineData("yellow", HttpStatusCode.OK)]
    [InlineData("red", HttpStatusCode.ServiceUnavailable)]
    public async Task Readyz_follows_the_cluster_health(string status, HttpStatusCode expected)
    {
        await using var elasticsearch = await Elasticsearch9Server.StartAsync(new Elasticsearch9Cluster { HealthStatus = status });
        var url = await StartAsync(elasticsearch: elasticsearch.Url);

        using var response = await _http.GetAsync(new Uri(url, "/readyz"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains($"\"elasticsearch\":{{\"ready\":{(expected == HttpStatusCode.OK ? "true" : "false")},\"detail\":\"{status}\"}}", body);
        Assert.Contains("\"stateDatabase\":{\"ready\":true", body);
        Assert.Equal(["/", "/_cluster/health"], elasticsearch.Cluster.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Readyz_is_503_when_the_state_database_cannot_be_opened()
    {
        var url = await StartAsync(stateDatabase: Path.Combine(_directory, "missing-dir", "state.db"));

        using var response = await _http.GetAsync(new Uri(url, "/readyz"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"stateDatabase\":{\"ready\":false,\"detail\":\"SQLite Error 14", body);
        Assert.DoesNotContain("elasticsearch", body);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
