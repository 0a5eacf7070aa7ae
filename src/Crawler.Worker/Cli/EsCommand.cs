using System.CommandLine;
using Crawler.Pipeline.Indexing;
using Crawler.Worker.Hosting;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler es setup|template|health|search|count</c>: installs the index template, the index and its aliases, and the
/// compliance index with its template;
/// prints the template for the configured analyzer; shows the cluster's health and version. Reads the
/// "Elasticsearch" section and talks to the cluster through the official client.
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
            if (Connect() is not (var index, var options)) return 2;
            var result = await index.EnsureIndexAsync(cancellationToken);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync($"es setup failed: {result.Error}");
                return 1;
            }
            Console.WriteLine(result.Value
                ? $"created index {options.IndexName} with aliases {options.Alias}, {options.LatestAlias}"
                : $"index {options.IndexName} exists; template and aliases {options.Alias}, {options.LatestAlias} updated");
            Console.WriteLine($"compliance index {options.ComplianceIndexName} and its template {options.ComplianceTemplateName} in place");
            return 0;
        });
        return setup;
    }

    private static Command Template()
    {
        var analyzer = new Option<ChineseAnalyzer?>("--analyzer") { Description = "cjk (built in), smartcn or ik; default: Elasticsearch:Analyzer" };
        var compliance = new Option<bool>("--compliance") { Description = "The compliance index's template (ops/elasticsearch/compliance-template.json) instead of the reports one." };
        var template = new Command("template", "Print the index template JSON (ops/elasticsearch/reports-template.json and, with --compliance, compliance-template.json are the default renderings).");
        template.Options.Add(analyzer);
        template.Options.Add(compliance);
        template.SetAction(parseResult =>
        {
            var options = ElasticsearchConfiguration.Read(CrawlerConfiguration.Build());
            if (parseResult.GetValue(analyzer) is { } chosen) options = options with { Analyzer = chosen };
            Console.Out.Write(parseResult.GetValue(compliance) ? ComplianceIndexTemplate.Render(options) : ReportIndexTemplate.Render(options));
            return 0;
        });
        return template;
    }

    private static Command Health()
    {
        var health = new Command("health", "Show the cluster's name, version and health (exit 1 when red or unreachable).");
        health.SetAction(async (_, cancellationToken) =>
        {
            if (Connect() is not (var index, _)) return 2;
            var result = await index.HealthAsync(cancellationToken);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync(result.Error);
                return 1;
            }
            var cluster = result.Value!;
            Console.WriteLine($"{cluster.ClusterName}: {cluster.Status}, {cluster.NumberOfNodes} node(s), Elasticsearch {cluster.Version}");
            return cluster.IsUsable ? 0 : 1;
        });
        return health;
    }

    /// <summary>Null (with the reasons on stderr, one per line) when Elasticsearch is not configured or the configuration is invalid.</summary>
    internal static (IReportIndex Index, ElasticsearchOptions Options)? Connect()
    {
        var (options, problems) = ElasticsearchConfiguration.ReadValidated(CrawlerConfiguration.Build());
        if (problems.Count > 0 || !options.Enabled)
        {
            Console.Error.WriteLine(problems.Count > 0 ? string.Join(Environment.NewLine, problems) : "Elasticsearch:Url is not set (environment: Elasticsearch__Url).");
            return null;
        }
        return (new ElasticsearchReportIndex(ElasticsearchClientFactory.Create(options), options), options);
    }
}
