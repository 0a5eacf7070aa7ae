using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Sources;
using Crawler.Worker.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary>Runs one <see cref="CrawlPass"/> with progress on a terminal (plain lines otherwise) and prints the summary.</summary>
internal static class CrawlOnce
{
    public static async Task<int> RunAsync(IConfiguration configuration, IReadOnlyList<Source> sources, CancellationToken cancellationToken)
    {
        var interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging"))
                .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
                .SetMinimumLevel(interactive ? LogLevel.Warning : LogLevel.Information))
            .AddSingleton(configuration)
            .AddCrawler(configuration, sources)
            .AddSingleton<CrawlPass>();
        await using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("配置无效 (invalid configuration):\n  " + string.Join("\n  ", e.Failures));
            return 2;
        }

        var pass = provider.GetRequiredService<CrawlPass>();
        var concurrency = configuration.GetValue("Crawl:MaxConcurrentSources", 4);
        CrawlPassSummary summary;
        if (interactive)
        {
            summary = null!;
            await AnsiConsole.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new SpinnerColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var tasks = sources.ToDictionary(s => s.Id, s => context.AddTask(Markup.Escape(s.Agency), autoStart: false, maxValue: 1));
                    summary = await pass.RunAsync(sources, concurrency, s => tasks[s.Id].StartTask(), done =>
                    {
                        tasks[done.SourceId].Description = Markup.Escape($"{done.Agency}: {Describe(done)}");
                        tasks[done.SourceId].Increment(1);
                    }, cancellationToken);
                });
        }
        else
        {
            summary = await pass.RunAsync(sources, concurrency,
                s => Console.WriteLine($"[{s.Id}] {s.Agency}: crawling {string.Join(", ", s.StartUrls)}"),
                done => Console.WriteLine($"[{done.SourceId}] {done.Agency}: {Describe(done)}"),
                cancellationToken);
        }
        CrawlSummaryTable.Write(summary, configuration["Storage:DataDirectory"] ?? "data");
        return 0;
    }

    private static string Describe(SourceCrawlSummary s) =>
        $"{s.NewReports} new, {s.NewVersions} new versions, {s.Unchanged} unchanged, {s.NotReports} not reports, {s.Failures} failures"
        + (s.Blocked ? " — blocked by a JavaScript challenge" : "") + $" ({s.Elapsed.TotalSeconds:0.0}s)";
}
