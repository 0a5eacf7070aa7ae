using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Tests.Notification;

/// <summary>The Alerts section: bound by .NET conventions (environment variables included) and validated at start-up.</summary>
public sealed class AlertOptionsTests
{
    [Fact]
    public void Environment_variables_with_double_underscores_configure_the_channels()
    {
        var prefix = $"CRAWLER_TEST_{Guid.NewGuid():N}_";
        var variables = new Dictionary<string, string>
        {
            ["Alerts__Webhook__Url"] = "https://hooks.example.org/alerts",
            ["Alerts__DingTalk__Url"] = "https://oapi.dingtalk.com/robot/send?access_token=abc",
            ["Alerts__DingTalk__Secret"] = "SECabc",
            ["Alerts__Events"] = "new-report,missing-report",
            ["Alerts__Deadline__GraceDays"] = "14",
            ["Alerts__Deadline__Sources__sd-liaocheng-gov__Month"] = "3",
            ["Alerts__Retry__InitialDelay"] = "00:05:00",
        };
        try
        {
            foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(prefix + name, value);
            var options = Resolve(new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build());

            Assert.Equal(new Uri("https://hooks.example.org/alerts"), options.Webhook.Url);
            Assert.Equal("SECabc", options.DingTalk.Secret);
            Assert.True(options.IsEnabled(AlertEventKind.NewReport));
            Assert.True(options.IsEnabled(AlertEventKind.MissingReport));
            Assert.False(options.IsEnabled(AlertEventKind.NewVersion));
            Assert.Equal((3, 31, 14), options.Deadline.RuleFor("sd-liaocheng-gov"));
            Assert.Equal((1, 31, 14), options.Deadline.RuleFor("other"));
            Assert.Equal(TimeSpan.FromMinutes(20), options.Retry.DelayAfter(3));
            Assert.Equal(TimeSpan.FromHours(6), options.Retry.DelayAfter(40));
        }
        finally
        {
            foreach (var name in variables.Keys) Environment.SetEnvironmentVariable(prefix + name, null);
        }
    }

    [Fact]
    public void Bad_settings_fail_at_start_up_naming_each_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:Events:0"] = "new-report,new-reprot",
            ["Alerts:WeCom:Url"] = "qyapi.weixin.qq.com/cgi-bin/webhook/send",
            ["Alerts:Feishu:Secret"] = "s",
            ["Alerts:Deadline:Month"] = "2",
            ["Alerts:Deadline:Day"] = "29",
            ["Alerts:Deadline:Sources:x:Month"] = "13",
            ["Alerts:Retry:MaxAttempts"] = "0",
            ["Alerts:Email:Host"] = "smtp.example.org",
            ["Alerts:Email:To"] = "office@example.org, not-an-address",
        }).Build();

        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(configuration));

        Assert.Equal(
        [
            "Alerts:Events: unknown event 'new-reprot' (known: new-report, new-version, missing-report, rule-violation)",
            "Alerts:Deadline:Day 29 does not exist in month 2",
            "Alerts:Deadline:Sources:x:Month must be 1–12, not 13",
            "Alerts:Retry:MaxAttempts must be at least 1, not 0",
            "Alerts:WeCom:Url must be an absolute http(s) URL, not 'qyapi.weixin.qq.com/cgi-bin/webhook/send'",
            "Alerts:Feishu:Secret is set but Alerts:Feishu:Url is not",
            "Alerts:Email:From is not an e-mail address: ''",
            "Alerts:Email:To: 'not-an-address' is not an e-mail address",
        ], failure.Failures);
    }

    [Fact]
    public void Without_any_channel_the_alerts_are_off_and_valid()
    {
        var options = Resolve(new ConfigurationBuilder().Build());

        Assert.Null(options.Webhook.Url);
        Assert.True(Enum.GetValues<AlertEventKind>().All(options.IsEnabled));
        Assert.Equal((1, 31, 7), options.Deadline.RuleFor("any"));
    }

    [Fact]
    public void Empty_values_from_unset_compose_variables_leave_the_channels_off()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:Webhook:Url"] = "",
            ["Alerts:WeCom:Url"] = "",
            ["Alerts:DingTalk:Url"] = "",
            ["Alerts:DingTalk:Secret"] = "",
            ["Alerts:Feishu:Url"] = " ",
            ["Alerts:Email:Host"] = "",
            ["Alerts:Events"] = "",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddAlerts(configuration);
        services.AddSingleton<IOutbox>(new SqliteOutbox("Data Source=:memory:", TimeProvider.System));
        using var provider = services.BuildServiceProvider();

        _ = provider.GetRequiredService<IOptions<AlertOptions>>().Value;
        Assert.DoesNotContain(provider.GetServices<IAlertChannel>(), c => c.IsConfigured);
    }

    [Fact]
    public void Wiring_twice_registers_one_dispatcher_loop_and_one_observer()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddAlerts(configuration).AddAlerts(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService));
        Assert.Single(services, d => d.ServiceType == typeof(Crawler.Pipeline.Processing.IReportVersionObserver));
        Assert.Equal(5, services.Count(d => d.ServiceType == typeof(IAlertChannel)));
    }

    private static AlertOptions Resolve(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IOutbox>(new SqliteOutbox("Data Source=:memory:", TimeProvider.System));
        services.AddAlerts(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<AlertOptions>>().Value;
    }
}
