using System.CommandLine;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler alerts deliver [--data DIR]</c>: one delivery pass over the queued alerts (what the worker does
/// every Alerts:PollInterval), then each channel's queue and health. Exit code 1 when something failed or is dead.
/// </summary>
internal static class AlertsDeliverCommand
{
    public static Command Create(Func<IConfiguration> configuration)
    {
        var data = AlertsCommand.DataOption();
        var command = new Command("deliver", "Deliver the alerts that are due now and show each channel's queue (pending, delivered, dead).");
        command.Options.Add(data);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = await AlertsCommand.BuildAsync(parseResult, configuration(), parseResult.GetValue(data));
            if (provider is null) return 2;
            var channels = provider.GetServices<IAlertChannel>().Where(c => c.IsConfigured).ToList();
            if (channels.Count == 0)
            {
                await AlertsCommand.NoChannelAsync();
                return 2;
            }
            var report = await provider.GetRequiredService<OutboxDispatcher>().DrainAsync(AlertTopic.Prefix, cancellationToken);
            Console.WriteLine($"{report.Delivered} delivered, {report.Retrying} failed and rescheduled, {report.Dead} given up");
            var outbox = provider.GetRequiredService<IOutbox>();
            var health = provider.GetRequiredService<ChannelHealth>();
            var anyDead = false;
            foreach (var channel in channels)
            {
                var counts = await outbox.CountAsync(AlertTopic.For(channel.Name), cancellationToken);
                anyDead |= counts[OutboxStatus.Dead] > 0;
                var entry = health.For(channel.Name);
                var failing = entry.ConsecutiveFailures > 0 ? $"; last error: {entry.LastError}" : "";
                Console.WriteLine($"{channel.Name}: {counts[OutboxStatus.Pending]} pending, {counts[OutboxStatus.Delivered]} delivered, {counts[OutboxStatus.Dead]} dead{failing}");
            }
            return report.Retrying > 0 || anyDead ? 1 : 0;
        });
        return command;
    }
}
