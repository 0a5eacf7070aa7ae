using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Crawler.Pipeline.Storage;
using Crawler.Worker.Hosting;
using Crawler.Worker.Scheduling;
using Crawler.Worker.Status;
using Crawler.Worker.Web;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler run</c>: the long-running worker. Quartz fires one job per source on its schedule (or the
/// season-aware default), the outbox dispatchers index and alert in the background, and /healthz, /readyz,
/// /metrics and the status pages (/) answer on the web port. Ctrl-C or SIGTERM finishes the document in hand, then stops.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var sourcesFile = new Option<string?>("--sources") { Description = "The sources file (default config/sources.json)." };
        var data = new Option<string?>("--data") { Description = "The data directory (default Storage:DataDirectory or ./data)." };
        var now = new Option<bool>("--now") { Description = "Crawl every source once right after start-up, then keep to the schedule." };
        var command = new Command("run", "Run the scheduled worker (crawl, index, alert) with health and metrics endpoints.");
        foreach (var option in new Option[] { sourcesFile, data, now }) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parseResult.GetValue(data) is { } directory) overrides["Storage:DataDirectory"] = directory;
            var configuration = CrawlerConfiguration.Build(overrides);
            await using var selection = await SourceSelection.LoadAsync(configuration, parseResult.GetValue(sourcesFile), forceSample: false,
                overrides, parseResult.InvocationConfiguration.Error, cancellationToken);
            if (selection is null) return 2;
            var sources = selection.Sources;

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(overrides);
            builder.UseCrawlerWebAddress();
            var layout = DataLayout.At(builder.Configuration["Storage:DataDirectory"] ?? "data");
            Directory.CreateDirectory(layout.Root);
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2));
            builder.Services
                .AddCrawler(builder.Configuration, sources)
                .AddCrawlerWeb(builder.Configuration)
                .AddStatusPages()
                .AddCrawlScheduling(sources, Path.Combine(layout.Root, "scheduler.db"), runNow: parseResult.GetValue(now) || selection.SampleSite is not null);
            await using var app = builder.Build();
            app.MapCrawlerEndpoints();
            app.MapStatusPages();
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
