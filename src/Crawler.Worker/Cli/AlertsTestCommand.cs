using System.CommandLine;
using Crawler.Pipeline.Notification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler alerts test</c>: sends a marked test alert straight to every configured channel and prints how
/// each went. Exit code 0 when all delivered, 1 when one failed, 2 when the configuration is invalid or empty.
/// </summary>
internal static class AlertsTestCommand
{
    public static Command Create(Func<IConfiguration> configuration)
    {
        var command = new Command("test", "Send a test alert to every configured channel (webhook, WeCom, DingTalk, Feishu, e-mail).");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = await AlertsCommand.BuildAsync(parseResult, configuration(), null);
            if (provider is null) return 2;
            var results = await provider.GetRequiredService<AlertProbe>().SendAsync(cancellationToken);
            if (results.Count == 0)
            {
                await AlertsCommand.NoChannelAsync();
                return 2;
            }
            foreach (var (channel, result) in results)
            {
                Console.WriteLine(result.Delivered ? $"{channel}: delivered" : $"{channel}: FAILED — {result.Error}");
            }
            return results.Values.All(r => r.Delivered) ? 0 : 1;
        });
        return command;
    }
}
