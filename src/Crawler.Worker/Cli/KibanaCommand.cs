using System.CommandLine;
using Crawler.Pipeline.Indexing;
using Crawler.Worker.Kibana;
using Crawler.Worker.Hosting;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler kibana setup</c>: imports ops/kibana/*.ndjson (data views, saved searches, dashboard) through the
/// saved objects API and, when Kibana:AlertWebhookUrl is set, creates the webhook connector and the alert rule.
/// </summary>
internal static class KibanaCommand
{
    public static Command Create()
    {
        var command = new Command("kibana", "Kibana: import the data views, saved searches and dashboard; create the optional alert rule.");
        var assets = new Option<DirectoryInfo?>("--assets") { Description = "Folder of saved-objects *.ndjson (default: Kibana:AssetsDirectory or ./kibana beside the binary)." };
        var setup = new Command("setup", "Import ops/kibana/*.ndjson (overwrite) and, with Kibana:AlertWebhookUrl, the webhook connector and the ES-query rule.");
        setup.Options.Add(assets);
        setup.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = CrawlerConfiguration.Build();
            var options = CrawlerConfiguration.Bind<KibanaOptions>(configuration, KibanaOptions.SectionName);
            if (options.Url is null)
            {
                await Console.Error.WriteLineAsync("Kibana:Url is not set (environment: Kibana__Url).");
                return 2;
            }
            var directory = parseResult.GetValue(assets)?.FullName ?? options.AssetsDirectory ?? Path.Combine(AppContext.BaseDirectory, "kibana");
            var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.ndjson").Order(StringComparer.Ordinal).ToList() : [];
            if (files.Count == 0)
            {
                await Console.Error.WriteLineAsync($"no *.ndjson saved objects in {directory}");
                return 2;
            }
            using var http = KibanaConnection.Create(options);
            var kibana = new KibanaClient(http, options);
            foreach (var file in files)
            {
                var imported = await kibana.ImportAsync(file, cancellationToken);
                if (!imported.Succeeded)
                {
                    await Console.Error.WriteLineAsync(imported.Error);
                    return 1;
                }
                Console.WriteLine($"imported {imported.Value} saved objects from {Path.GetFileName(file)}");
            }
            if (options.AlertWebhookUrl is not { } webhook) return 0;

            var latestAlias = ElasticsearchConfiguration.Read(configuration).LatestAlias;
            var connector = await kibana.CreateOrUpdateAsync("api/actions/connector", KibanaAlertRule.ConnectorId,
                KibanaAlertRule.Connector(webhook), KibanaAlertRule.ConnectorUpdate(webhook), cancellationToken);
            var rule = connector.Succeeded
                ? await kibana.CreateOrUpdateAsync("api/alerting/rule", KibanaAlertRule.RuleId,
                    KibanaAlertRule.Rule(latestAlias, options.AlertInterval), KibanaAlertRule.RuleUpdate(latestAlias, options.AlertInterval), cancellationToken)
                : connector;
            if (!rule.Succeeded)
            {
                await Console.Error.WriteLineAsync(rule.Error);
                return 1;
            }
            Console.WriteLine($"webhook connector {connector.Value}, alert rule {rule.Value} ({webhook})");
            return 0;
        });
        command.Subcommands.Add(setup);
        return command;
    }
}
