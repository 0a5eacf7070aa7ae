using System.CommandLine;
using Crawler.Pipeline.Indexing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Crawler.Worker.Hosting;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler es setup|template|health</c>: installs the index template, the index and its aliases; prints the
/// template for the configured analyzer; shows the cluster's health. Reads the "Elasticsearch" section.
/// </summary>
internal static class EsCommand
{
    public static Command Create()
    {
        var command = new Command("es", "Elasticsearch: install the index template and aliases, print the template, check the cluster, search and count.");
        command.Subcommands.Add(Setup());
        command.Subcommands.Add(Template());
        command.Subcommands.Add(Health());
        command.Subcommands.Add(EsSearchCommand.Search());
        command.Subcommands.Add(EsSearchCommand.Count());
        return command;
    }

    private static Command Setup()
    {
        var setup = new Command("setup", "Put the index template, create the index if missing and point the aliases at it (idempotent).");
        setup.SetAction(async (_, cancellationToken) =>
        {
            if (Connect() is not { } client) return 2;
            var result = await client.EnsureIndexAsync(cancellationToken);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync($"es setup failed: {result.Error}");
                return 1;
            }
            var options = Options();
            Console.WriteLine(result.Value
                ? $"created index {options.IndexName} with aliases {options.Alias}, {options.LatestAlias}"
                : $"index {options.IndexName} exists; template and aliases {options.Alias}, {options.LatestAlias} updated");
            return 0;
        });
        return setup;
    }

    private static Command Template()
    {
        var analyzer = new Option<ChineseAnalyzer?>("--analyzer") { Description = "cjk (built in), smartcn or ik; default: Elasticsearch:Analyzer" };
        var template = new Command("template", "Print the index template JSON (ops/elasticsearch/reports-template.json is the default rendering).");
        template.Options.Add(analyzer);
        template.SetAction(parseResult =>
        {
            var options = Options();
            if (parseResult.GetValue(analyzer) is { } chosen) options = options with { Analyzer = chosen };
            Console.Out.Write(ReportIndexTemplate.Render(options));
            return 0;
        });
        return template;
    }

    private static Command Health()
    {
        var health = new Command("health", "Show the cluster's health (exit 1 when red or unreachable).");
        health.SetAction(async (_, cancellationToken) =>
        {
            if (Connect() is not { } client) return 2;
            var result = await client.HealthAsync(cancellationToken);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync(result.Error);
                return 1;
            }
            Console.WriteLine($"{result.Value!.ClusterName}: {result.Value.Status}, {result.Value.NumberOfNodes} node(s)");
            return result.Value.IsUsable ? 0 : 1;
        });
        return health;
    }

    internal static ElasticsearchOptions Options() => CrawlerConfiguration.Bind<ElasticsearchOptions>(CrawlerConfiguration.Build(), ElasticsearchOptions.SectionName);

    /// <summary>Null (with the reason on stderr) when Elasticsearch is not configured or the configuration is invalid.</summary>
    internal static ElasticsearchRestClient? Connect()
    {
        var options = Options();
        var validation = new ElasticsearchOptionsValidator().Validate(null, options);
        if (validation.Failed || options.Url is null)
        {
            Console.Error.WriteLine(options.Url is null ? "Elasticsearch:Url is not set (environment: Elasticsearch__Url)." : validation.FailureMessage);
            return null;
        }
        return new ElasticsearchRestClient(ElasticsearchConnection.CreateClient(options), options, TimeProvider.System, NullLogger<ElasticsearchRestClient>.Instance);
    }
}
