using System.Collections.Concurrent;
using System.CommandLine;
using System.Text.Json;
using Crawler.Worker.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Tests.Cli;

/// <summary><c>crawler alerts test</c> against a real local HTTP server.</summary>
public sealed class AlertsCommandTests
{
    [Fact]
    public async Task The_test_alert_reaches_each_configured_channel_and_a_refusing_robot_fails_the_command()
    {
        var bodies = new ConcurrentDictionary<string, string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.Run(async context =>
        {
            bodies[context.Request.Path.Value!] = await new StreamReader(context.Request.Body).ReadToEndAsync();
            await context.Response.WriteAsync(context.Request.Path == "/wecom" ? """{"errcode":93000,"errmsg":"invalid webhook url"}""" : "{}");
        });
        await app.StartAsync();
        var server = app.Urls.Single();

        var exit = await Run(("Alerts:Webhook:Url", server + "/hook"));
        Assert.Equal(0, exit);
        var body = JsonDocument.Parse(bodies["/hook"]).RootElement;
        Assert.Equal("测试机关（提醒通道检查）", body.GetProperty("agency").GetString());

        Assert.Equal(1, await Run(("Alerts:Webhook:Url", server + "/hook"), ("Alerts:WeCom:Url", server + "/wecom")));
        Assert.Equal(2, await Run());
        Assert.Equal(2, await Run(("Alerts:Webhook:Url", "not a url")));
    }

    private static Task<int> Run(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var root = new RootCommand();
        root.Subcommands.Add(AlertsCommand.Create(() => configuration));
        return root.Parse(["alerts", "test"]).InvokeAsync();
    }
}
