using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Discovery;

internal static partial class DiscoveryLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Crawling {SourceId} ({Agency}) from {StartUrlCount} start URL(s)")]
    public static partial void Started(ILogger logger, string sourceId, string agency, int startUrlCount);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Crawled {SourceId}: {ListPages} list page(s), {Documents} document(s), {Unchanged} unchanged, {Problems} problem(s)")]
    public static partial void Finished(ILogger logger, string sourceId, int listPages, int documents, int unchanged, int problems);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Found {Role} {Url} for {Agency} (year {Year})")]
    public static partial void Found(ILogger logger, DocumentRole role, Uri url, string agency, int? year);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Crawl of {SourceId} reached a limit: {Limit}")]
    public static partial void LimitReached(ILogger logger, string sourceId, string limit);
}
