using System.Collections.Concurrent;
using System.CommandLine;
using System.Text.Json;
using Crawler.Pipeline.Notification;
using Crawler.Worker.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Tests.Cli;

/// <summary><c>crawler alerts test|missing|deliver</c> against a real local HTTP server and a real data directory.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class AlertsCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alerts-cli-").FullName;
    private readonly ConcurrentQueue<(string Path, string Body)> _requests = new();
    private WebApplication _app = null!;
    private string _server = null!;
    private int _failuresLeft;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(async context =>
        {
            _requests.Enqueue((context.Request.Path.Value!, await new StreamReader(context.Request.Body).ReadToEndAsync()));
            if (Interlocked.Decrement(ref _failuresLeft) >= 0) context.Response.StatusCode = 500;
            await context.Response.WriteAsync(context.Request.Path == "/wecom" ? """{"errcode":93000,"errmsg":"invalid webhook url"}""" : "{}");
        });
        await _app.StartAsync();
        _server = _app.Urls.Single();
    }

    [Fact]
    public async Task The_test_alert_reaches_each_configured_channel_and_a_refusing_robot_fails_the_command()
    {
        Assert.Equal(0, await Run(["alerts", "test"], ("Alerts:Webhook:Url", _server + "/hook")));
        var body = JsonDocument.Parse(Assert.Single(_requests).Body).RootElement;
        Assert.Equal("测试机关（提醒通道检查）", body.GetProperty("agency").GetString());

        Assert.Equal(1, await Run(["alerts", "test"], ("Alerts:Webhook:Url", _server + "/hook"), ("Alerts:WeCom:Url", _server + "/wecom")));
        Assert.Equal(2, await Run(["alerts", "test"]));
        Assert.Equal(2, await Run(["alerts", "test"], ("Alerts:Webhook:Url", "not a url")));
    }

    [Fact]
    public async Task Missing_queues_one_alert_per_overdue_source_and_deliver_sends_it_once()
    {
        var sources = Path.Combine(_directory, "sources.json");
        await File.WriteAllTextAsync(sources, """
            {"sources": [{"id": "qh-haidong-commerce", "agency": "海东市商务局", "region": "青海省海东市",
                          "startUrls": ["http://127.0.0.1:9/haidong/"], "verified": true}]}
            """);
        var settings = new[]
        {
            ("Alerts:Webhook:Url", _server + "/hook"), ("Alerts:Retry:InitialDelay", "00:00:00.001"), ("Storage:DataDirectory", Path.Combine(_directory, "data")),
        };
        _failuresLeft = 1;

        Assert.Equal(0, await Run(["alerts", "missing", "--sources", sources], settings));
        Assert.Equal(1, await Run(["alerts", "deliver"], settings)); // the receiver answered 500: rescheduled
        Assert.Equal(0, await Run(["alerts", "missing", "--sources", sources], settings));
        await Task.Delay(50);
        Assert.Equal(0, await Run(["alerts", "deliver"], settings));
        Assert.Equal(0, await Run(["alerts", "deliver"], settings));

        Assert.Equal(2, _requests.Count);
        Assert.Single(_requests.Select(r => r.Body).Distinct());
        var expectedYear = MissingReportCheck.OverdueYears(DateTimeOffset.UtcNow, (1, 31, 7), 1).Single().Year;
        var body = JsonDocument.Parse(_requests.First().Body).RootElement;
        Assert.Equal("missing-report", body.GetProperty("event").GetString());
        Assert.Equal("海东市商务局", body.GetProperty("agency").GetString());
        Assert.Equal(expectedYear, body.GetProperty("year").GetInt32());
        Assert.Equal(2, await Run(["alerts", "missing", "--sources", Path.Combine(_directory, "absent.json")], settings));
    }

    private static async Task<int> Run(string[] arguments, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var root = new RootCommand();
        root.Subcommands.Add(AlertsCommand.Create(() => configuration));
        using var console = new ConsoleCapture();
        return await root.Parse(arguments).InvokeAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
