using System.Collections.Concurrent;
using System.Text.Json;
using Crawler.Pipeline.Notification;
using Crawler.Tests.Shared;
using Crawler.Worker.Hosting;
using Crawler.Worker.SampleSite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Tests.Hosting;

/// <summary>
/// End to end: crawl passes over the bundled sample site (real HTTP, real extraction, parsing and SQLite
/// store) announce each report once on a webhook served by real Kestrel, across passes and restarts.
/// </summary>
[Collection(Crawler.Worker.Tests.EndToEnd.SampleSiteCollection.Name)]
public sealed class CrawlAlertsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crawl-alerts-").FullName;
    private readonly ConcurrentQueue<(string Key, JsonElement Body)> _received = new();
    private WebApplication _hook = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _hook = builder.Build();
        _hook.Run(async context =>
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body);
            _received.Enqueue((context.Request.Headers["Idempotency-Key"].ToString(), body.RootElement.Clone()));
            context.Response.StatusCode = 204;
        });
        await _hook.StartAsync();
    }

    [Fact]
    public async Task Each_crawled_report_and_each_overdue_year_is_announced_once_across_passes()
    {
        await using var site = await SampleSiteServer.StartAsync(RepositoryPaths.Seeds, CancellationToken.None);
        var sources = site.Sources();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Path.Combine(_directory, "data"),
            ["Fetch:ContactUrl"] = "https://example.org/contact",
            ["Fetch:PerHostDelay"] = "00:00:00.010",
            ["Fetch:TemporaryDirectory"] = Path.Combine(_directory, "bodies"),
            ["Alerts:Webhook:Url"] = _hook.Urls.Single() + "/hook",
        }).Build();

        await PassAsync(configuration, sources);
        var first = _received.ToList();
        await PassAsync(configuration, sources); // a later pass (a new process: new services, same data directory)

        Assert.Equal(first.Count, _received.Count);
        Assert.Equal(first.Count, first.Select(r => r.Key).Distinct().Count());
        var newReports = first.Where(r => r.Body.GetProperty("event").GetString() == "new-report").Select(r => r.Body).ToList();
        Assert.Equal(["威海市环翠区商务局", "海东市商务局", "聊城市人民政府办公室", "聊城市商务局", "鲁山县商务局"],
            newReports.Select(b => b.GetProperty("agency").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(newReports, b => Assert.Equal(2023, b.GetProperty("year").GetInt32()));
        var liaocheng = newReports.Single(b => b.GetProperty("agency").GetString() == "聊城市商务局").GetProperty("figures");
        Assert.Equal((3m, 2m), (liaocheng.GetProperty("newReceived").GetDecimal(), liaocheng.GetProperty("granted").GetDecimal()));

        var overdue = MissingReportCheck.OverdueYears(DateTimeOffset.UtcNow, (1, 31, 7), 1).Single().Year;
        var missing = first.Where(r => r.Body.GetProperty("event").GetString() == "missing-report").ToList();
        Assert.Equal(sources.Select(s => $"missing-report:{s.Id}:{overdue}").Order(), missing.Select(m => m.Key).Order());
    }

    private static async Task PassAsync(IConfiguration configuration, IReadOnlyList<Crawler.Pipeline.Sources.Source> sources)
    {
        await using var provider = new ServiceCollection().AddLogging().AddSingleton(configuration)
            .AddCrawler(configuration, sources).AddSingleton<CrawlPass>().BuildServiceProvider();
        var summary = await provider.GetRequiredService<CrawlPass>().RunAsync(sources, 4, null, null, CancellationToken.None);
        Assert.Equal(0, summary.Alerts.Retrying + summary.Alerts.Dead);
        Assert.All(summary.AlertChannels, c => Assert.Equal(0, c.ConsecutiveFailures));
    }

    public async Task DisposeAsync()
    {
        await _hook.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
