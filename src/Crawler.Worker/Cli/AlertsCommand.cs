using System.CommandLine;
using Crawler.Pipeline.Notification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler alerts test</c>: sends a test alert to every configured channel and prints how each went.
/// Exit code 0 when all delivered, 1 when one failed, 2 when the configuration is invalid or empty.
/// </summary>
internal static class AlertsCommand
{
    public static Command Create(Func<IConfiguration>? configuration = null)
    {
        var test = new Command("test", "Send a test alert to every configured channel (webhook, WeCom, DingTalk, Feishu, e-mail).");
        test.SetAction((_, cancellationToken) => TestAsync(configuration?.Invoke() ?? Host.CreateApplicationBuilder().Configuration, cancellationToken));
        var command = new Command("alerts", "Alert channels (configuration section Alerts).");
        command.Subcommands.Add(test);
        return command;
    }

    private static async Task<int> TestAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddLogging().AddAlerts(configuration);
        await using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<AlertOptions>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            foreach (var failure in exception.Failures) await Console.Error.WriteLineAsync(failure);
            return 2;
        }

        var results = await provider.GetRequiredService<AlertProbe>().SendAsync(cancellationToken);
        if (results.Count == 0)
        {
            await Console.Error.WriteLineAsync("No alert channel is configured: set Alerts:Webhook:Url (Alerts__Webhook__Url), Alerts:WeCom:Url, Alerts:DingTalk:Url, Alerts:Feishu:Url or Alerts:Email:Host.");
            return 2;
        }
        foreach (var (channel, result) in results)
        {
            Console.WriteLine(result.Delivered ? $"{channel}: delivered" : $"{channel}: FAILED — {result.Error}");
        }
        return results.Values.All(r => r.Delivered) ? 0 : 1;
    }
}
