using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Sources;
using Crawler.Worker.Hosting;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Cli;

/// <summary>
/// Runs one <see cref="CrawlPass"/> with live progress (<see cref="CrawlProgressView"/>) and prints the summary once, on
/// stdout. Exit code: 0 every source succeeded, 1 some failed (or had failures), 3 every source failed.
/// </summary>
internal static class CrawlOnce
{
    public static async Task<int> RunAsync(CommandSession session, IConfiguration configuration, IReadOnlyList<Source> sources, CancellationToken cancellationToken)
    {
        var progress = new CrawlProgressView(session);
        await using var provider = CommandServices.Build(configuration, session, CommandNeeds.Pipeline, sources,
            services => services.AddSingleton<CrawlPass>().AddSingleton<ICrawlProgress>(progress), longRunning: true);
        // One writer per data folder: a second crawl --once (or a running worker) is named and this one exits.
        using var writer = DataFolderLock.Acquire(provider.GetRequiredService<DataLayout>().Root, "crawl --once", DateTimeOffset.UtcNow,
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.SharedFolderNode);
        var pass = provider.GetRequiredService<CrawlPass>();
        var concurrency = configuration.GetValue("Crawl:MaxConcurrentSources", 4);
        var summary = await progress.ShowAsync(() => pass.RunAsync(sources, concurrency, progress.Started,
            done => progress.Finished(done, $"{done.Agency}: {Describe(done)}"), cancellationToken));
        CrawlSummaryTable.Write(session.Out, summary, configuration["Storage:DataDirectory"] ?? "data");
        return ExitCode(summary.Sources.Select(CrawlOutcomes.Of).ToList());
    }

    public static int ExitCode(IReadOnlyList<CrawlOutcome> outcomes) =>
        outcomes.Count > 0 && outcomes.All(o => o == CrawlOutcome.Failed) ? ExitCodes.Failed
        : outcomes.Any(o => o != CrawlOutcome.Succeeded) ? ExitCodes.SomeFailed
        : ExitCodes.Success;

    private static string Describe(SourceCrawlSummary s) =>
        $"{s.NewReports} new, {s.NewVersions} new versions, {s.Unchanged} unchanged, {s.NotReports} not reports, {s.Failures} failures"
        + (s.Blocked ? " — blocked by a JavaScript challenge" : "") + $" ({s.Elapsed.TotalSeconds:0.0}s)";
}
