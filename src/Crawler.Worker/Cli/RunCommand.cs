using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Worker.Hosting;
using Crawler.Worker.Scheduling;
using Crawler.Worker.Status;
using Crawler.Worker.Web;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler run</c>: the long-running worker. Quartz fires one job per source on its schedule (or the
/// season-aware default), the outbox dispatchers index and alert in the background, and /healthz, /readyz,
/// /metrics and the status pages (/) answer on the web port. On start it prints each source's schedule and next run;
/// its log lines carry timestamps. Ctrl-C or SIGTERM finishes the document in hand, then stops.
/// </summary>
internal static class RunCommand
{
    private const int ListedSources = 50;

    public static Command Create()
    {
        var sourcesFile = new Option<string?>("--sources") { Description = "The sources file (default config/sources.json)." };
        var data = new Option<string?>("--data") { Description = "The data directory (default Storage:DataDirectory or ./data)." };
        var now = new Option<bool>("--now") { Description = "Crawl every source once right after start-up, then keep to the schedule." };
        var command = new Command("run", "Run the scheduled worker (crawl, index, alert) with health and metrics endpoints.");
        foreach (var option in new Option[] { sourcesFile, data, now }) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var session = CommandSession.From(parseResult);
            var overrides = new Dictionary<string, string?>();
            if (parseResult.GetValue(data) is { } directory) overrides["Storage:DataDirectory"] = directory;
            var configuration = CrawlerConfiguration.Build(overrides);
            await using var selection = await SourceSelection.LoadAsync(configuration, parseResult.GetValue(sourcesFile), forceSample: false,
                overrides, session.Error, cancellationToken);
            var sources = selection.Sources;
            var runNow = parseResult.GetValue(now) || selection.SampleSite is not null;

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(overrides);
            builder.UseCrawlerWebAddress();
            var layout = DataLayout.At(builder.Configuration["Storage:DataDirectory"] ?? "data");
            Directory.CreateDirectory(layout.Root);
            var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
            // One writer per data folder (per node in a folder the nodes share), held for the worker's lifetime.
            using var writer = DataFolderLock.Acquire(layout.Root, "run", DateTimeOffset.UtcNow, storage.SharedFolderNode);
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2));
            var clustered = builder.Configuration.GetValue<bool>("Scheduler:Clustered");
            if (clustered && (storage.Provider != StorageProvider.PostgreSql || string.IsNullOrWhiteSpace(storage.ConnectionString)))
            {
                await Console.Error.WriteLineAsync("配置无效 (invalid configuration):\n  Scheduler__Clustered=true 需要 Storage__Provider=PostgreSql 与 Storage__ConnectionString" +
                    "（the clustered scheduler keeps its job store in the shared PostgreSQL state database）");
                return ExitCodes.Usage;
            }
            builder.Services
                .AddCommandServices(builder.Configuration, session, CommandNeeds.Pipeline, sources, longRunning: true, timestamps: true)
                .AddCrawlerWeb(builder.Configuration)
                .AddStatusPages()
                .AddCrawlScheduling(sources, Path.Combine(layout.Root, "scheduler.db"), runNow, clustered ? storage.ConnectionString : null,
                    clustered && !string.IsNullOrWhiteSpace(storage.NodeName) ? storage.Node() : null);
            await using var app = builder.Build();
            try
            {
                // Mapping the endpoints reads the web options; starting validates the rest (ValidateOnStart).
                app.MapCrawlerEndpoints();
                app.MapStatusPages();
                // The shared database's schema, the Quartz tables included, before the clustered scheduler first reads them.
                if (storage.Provider == StorageProvider.PostgreSql)
                {
                    await app.Services.GetRequiredService<Crawler.Pipeline.Storage.PostgreSql.PostgresDatabase>().MigrateAsync(cancellationToken);
                }
                await app.StartAsync(cancellationToken);
            }
            catch (OptionsValidationException e)
            {
                // One line per problem, naming the key, and no stack trace.
                await Console.Error.WriteLineAsync("配置无效 (invalid configuration):\n  " + string.Join("\n  ", e.Failures));
                return ExitCodes.Usage;
            }
            await PrintScheduleAsync(session.Output, sources, runNow, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Each source's schedule and next run (Beijing time), the first <see cref="ListedSources"/> of them.</summary>
    internal static async Task PrintScheduleAsync(TextWriter output, IReadOnlyList<Source> sources, bool runNow, DateTimeOffset now)
    {
        await output.WriteLineAsync($"调度 (schedule): {sources.Count} 个来源，时间为北京时间" + (runNow ? "；启动后先各抓取一次 (each crawled once now)" : ""));
        foreach (var source in sources.Take(ListedSources))
        {
            var scheduled = SourceSchedule.NextRun(source, now) is { } at ? SourceSchedule.Beijing(at) : "—";
            var next = runNow ? $"立即 (now)，然后 {scheduled}" : scheduled;
            await output.WriteLineAsync($"  {source.Id} {source.Agency}: {SourceSchedule.Describe(source)}；下次 (next run) {next}");
        }
        if (sources.Count > ListedSources) await output.WriteLineAsync($"  … 另有 {sources.Count - ListedSources} 个来源 (more): crawler status");
        await output.FlushAsync();
    }
}
