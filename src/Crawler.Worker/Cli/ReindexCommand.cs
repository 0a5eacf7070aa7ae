using System.CommandLine;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Crawler.Worker.Hosting;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler reindex [--data DIR]</c>: rebuilds the Elasticsearch index from the state store. Every stored
/// version is queued again under its stable id (no duplicates), then the queue is drained; whatever cannot be
/// sent now stays queued for the worker.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var data = DataDirectoryOption.Create();
        var command = new Command("reindex", "Rebuild the Elasticsearch index from the stored report versions (same ids: safe to repeat).");
        command.Options.Add(data);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var layout = DataLayout.At(parseResult.GetValue(data) ?? "data");
            var configuration = new ConfigurationBuilder().AddConfiguration(CrawlerConfiguration.Build())
                .AddInMemoryCollection(new Dictionary<string, string?> { [$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = layout.Root }).Build();
            if (!DataDirectoryOption.OnPostgreSql(configuration) && !File.Exists(layout.StateDatabase))
            {
                await Console.Error.WriteLineAsync($"没有找到状态数据库 {layout.StateDatabase}：用 --data 指定数据目录 (no state database here)");
                return 2;
            }
            var (options, problems) = ElasticsearchConfiguration.ReadValidated(configuration);
            if (problems.Count > 0 || !options.Enabled)
            {
                await Console.Error.WriteLineAsync(problems.Count > 0 ? string.Join(Environment.NewLine, problems)
                    : "Elasticsearch:Url is not set (environment: Elasticsearch__Url): nothing to reindex into.");
                return 2;
            }
            await using var services = CommandServices.Build(configuration, CommandSession.From(parseResult), CommandNeeds.Storage | CommandNeeds.Indexing);
            // The agencies under supervision as crawler compliance reads them: their compliance documents, missing ones too.
            var summary = await services.GetRequiredService<Reindexer>().RunAsync(ComplianceCommand.Supervised(null), cancellationToken);
            Console.WriteLine($"{summary.Versions} stored versions, {summary.Queued} queued, {summary.ComplianceDocuments} compliance documents queued, " +
                              $"{summary.Delivered} indexed, {summary.Dead} rejected, {summary.StillPending} still queued");
            if (summary.Unreachable is not null)
            {
                await Console.Error.WriteLineAsync($"Elasticsearch: {summary.Unreachable}. The queued documents stay in the outbox; the worker sends them when the cluster answers.");
                return 1;
            }
            return summary.Dead > 0 ? 1 : 0;
        });
        return command;
    }
}
