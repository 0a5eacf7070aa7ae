using System.CommandLine;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler alerts missing [--sources FILE] [--data DIR]</c>: queues a missing-report alert for each source
/// whose report is overdue (deadline + grace) and not stored; safe to repeat (once per source and year).
/// </summary>
internal static class AlertsMissingCommand
{
    public static Command Create(Func<IConfiguration> configuration)
    {
        var data = AlertsCommand.DataOption();
        var sources = new Option<FileInfo>("--sources")
        {
            Description = "The source catalog.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("config", "sources.json")),
        };
        var command = new Command("missing", "Queue missing-report alerts for sources whose annual report is overdue (then: crawler alerts deliver).");
        command.Options.Add(sources);
        command.Options.Add(data);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            IReadOnlyList<Source> catalog;
            try
            {
                catalog = SourceCatalog.Load(parseResult.GetValue(sources)!.FullName);
            }
            catch (SourceCatalogException exception)
            {
                await Console.Error.WriteLineAsync(exception.Message);
                return 2;
            }
            await using var provider = await AlertsCommand.BuildAsync(parseResult, configuration(), parseResult.GetValue(data));
            if (provider is null) return 2;
            if (!provider.GetServices<IAlertChannel>().Any(c => c.IsConfigured))
            {
                await AlertsCommand.NoChannelAsync();
                return 2;
            }
            var queued = await provider.GetRequiredService<MissingReportCheck>().RunAsync(catalog, cancellationToken);
            foreach (var alert in queued) Console.WriteLine($"{alert.SourceId} {alert.Agency} {alert.Year}: due {alert.DueDate:yyyy-MM-dd}, not found — queued");
            Console.WriteLine($"{queued.Count} missing-report alert(s) queued");
            return 0;
        });
        return command;
    }
}
