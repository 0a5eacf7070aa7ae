using System.Collections.Concurrent;
using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Sources;
using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary>
/// The live "n / m 个文档" of each source being crawled: a progress row per running source on a terminal that takes
/// ANSI codes (finished rows disappear, the summary follows once), plain lines on a terminal without them, nothing
/// when stderr is not a terminal (the log lines are the record there).
/// </summary>
internal sealed class CrawlProgressView(CommandSession session) : ICrawlProgress
{
    private readonly ConcurrentDictionary<string, ProgressTask> _rows = new(StringComparer.Ordinal);
    private ProgressContext? _context;

    public static string Describe(string agency, int done, int found) => $"{agency}: {done} / {found} 个文档 (documents)";

    public async Task<T> ShowAsync<T>(Func<Task<T>> work)
    {
        if (!session.LiveProgress) return await work();
        T result = default!;
        session.LogSink.Live = true;
        try
        {
            await session.Err.Progress().AutoClear(true).HideCompleted(true)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    _context = context;
                    result = await work();
                });
        }
        finally
        {
            session.LogSink.Live = false;
        }
        return result;
    }

    public void Started(Source source)
    {
        if (_context is { } context) _rows[source.Id] = context.AddTask(Markup.Escape(Describe(source.Agency, 0, 0)), maxValue: 1);
    }

    public void Report(Source source, int done, int found)
    {
        if (_rows.TryGetValue(source.Id, out var row))
        {
            row.MaxValue = Math.Max(found, 1);
            row.Value = done;
            row.Description = Markup.Escape(Describe(source.Agency, done, found));
        }
        else if (!session.LiveProgress && session.ErrorIsTerminal && done > 0)
        {
            session.LogSink.Write($"[{source.Id}] " + Describe(source.Agency, done, found));
        }
    }

    public void Finished(SourceCrawlSummary summary, string line)
    {
        if (_rows.TryGetValue(summary.SourceId, out var row))
        {
            row.Value = row.MaxValue;
            row.StopTask();
        }
        else if (session.ErrorIsTerminal)
        {
            // A terminal without a live area gets the plain progress line; piped, the log's "Source … done" line
            // and the summary on stdout already say it, and the result is printed once.
            session.LogSink.Write($"[{summary.SourceId}] {line}");
        }
    }
}
