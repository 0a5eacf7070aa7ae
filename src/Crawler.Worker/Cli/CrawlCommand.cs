using System.CommandLine;
using Crawler.Worker.Hosting;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler crawl --once [--sources FILE] [--data DIR] [--source ID]…</c>: one pass over the sources, live
/// progress per source on a terminal (plain lines otherwise), and a summary table. With no verified source
/// configured and no --sources given, it crawls the bundled sample site (served on 127.0.0.1) so that a fresh
/// machine without internet still ends with archived, parsed, searchable reports.
/// </summary>
internal static class CrawlCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Run one pass and exit (the scheduled worker is `crawler run`)." };
        var sourcesFile = new Option<string?>("--sources") { Description = "The sources file (default config/sources.json)." };
        var data = DataDirectoryOption.Create();
        var only = new Option<string[]>("--source") { Description = "Crawl only these source ids (repeatable).", AllowMultipleArgumentsPerToken = true };
        var sample = new Option<bool>("--sample") { Description = "Crawl the bundled sample site even when real sources are configured." };
        var command = new Command("crawl", "Crawl the configured sources once: discover, fetch, archive, extract, parse, check, store, index, alert.");
        foreach (var option in new Option[] { once, sourcesFile, data, only, sample }) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (!parseResult.GetValue(once)) throw CommandError.Usage("crawl needs --once (one pass); the scheduled, long-running worker is `crawler run`.");
            var overrides = new Dictionary<string, string?> { ["Storage:DataDirectory"] = parseResult.GetValue(data) };
            var configuration = CrawlerConfiguration.Build(overrides);
            await using var selection = await SourceSelection.LoadAsync(configuration, parseResult.GetValue(sourcesFile), parseResult.GetValue(sample),
                overrides, error, cancellationToken);
            var sources = selection.Sources;
            if (selection.SampleSite is not null) configuration = CrawlerConfiguration.Build(overrides);
            var selected = parseResult.GetValue(only) is { Length: > 0 } ids ? sources.Where(s => ids.Contains(s.Id)).ToList() : sources;
            if (selected.Count == 0)
            {
                throw CommandError.Usage($"没有来源的编号是 {string.Join(", ", parseResult.GetValue(only) ?? [])} (no source has that id); 可用 (known): "
                    + string.Join(", ", sources.Take(20).Select(s => s.Id)) + (sources.Count > 20 ? $" … ({sources.Count})" : ""));
            }
            return await CrawlOnce.RunAsync(CommandSession.From(parseResult), configuration, selected, cancellationToken);
        });
        return command;
    }
}
