using System.CommandLine;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Crawler.Worker.Hosting;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler alerts test|deliver|missing</c>: check the channels, deliver what is due now, queue
/// missing-report alerts. Configuration as the worker reads it (appsettings.json, Alerts__… variables).
/// </summary>
internal static class AlertsCommand
{
    public static Command Create(Func<IConfiguration>? configuration = null)
    {
        var load = configuration ?? CrawlerConfiguration.Build;
        var command = new Command("alerts", "Alert channels (configuration section Alerts): test them, deliver due alerts, check for missing reports.");
        command.Subcommands.Add(AlertsTestCommand.Create(load));
        command.Subcommands.Add(AlertsDeliverCommand.Create(load));
        command.Subcommands.Add(AlertsMissingCommand.Create(load));
        return command;
    }

    public static Option<DirectoryInfo?> DataOption() =>
        new("--data") { Description = "The data directory (state.db); default Storage:DataDirectory or ./data." };

    /// <summary>Storage and alert services; null (with the reasons on stderr) when the Alerts section is invalid.</summary>
    public static async Task<ServiceProvider?> BuildAsync(ParseResult parseResult, IConfiguration configuration, DirectoryInfo? data)
    {
        if (data is not null)
        {
            configuration = new ConfigurationBuilder().AddConfiguration(configuration)
                .AddInMemoryCollection([new($"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}", data.FullName)]).Build();
        }
        ServiceProvider? provider = null;
        try
        {
            provider = CommandServices.Build(configuration, CommandSession.From(parseResult), CommandNeeds.Storage | CommandNeeds.Alerts);
            _ = provider.GetRequiredService<IOptions<AlertOptions>>().Value;
            return provider;
        }
        catch (OptionsValidationException exception)
        {
            foreach (var failure in exception.Failures) await Console.Error.WriteLineAsync(failure);
            if (provider is not null) await provider.DisposeAsync();
            return null;
        }
    }

    public static Task NoChannelAsync() => Console.Error.WriteLineAsync(
        "No alert channel is configured: set Alerts:Webhook:Url (Alerts__Webhook__Url), Alerts:WeCom:Url, Alerts:DingTalk:Url, Alerts:Feishu:Url or Alerts:Email:Host.");
}
