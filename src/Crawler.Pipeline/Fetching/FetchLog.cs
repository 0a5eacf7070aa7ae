using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Fetching;

internal static partial class FetchLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Fetched {Url} → HTTP {Status}, {Bytes} bytes")]
    public static partial void Fetched(ILogger logger, Uri url, int status, long bytes);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Fetch of {Url} failed: {Error}")]
    public static partial void Failed(ILogger logger, Uri url, string error);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Retrying {Url} in {Delay} (attempt {Attempt}): {Reason}")]
    public static partial void Retrying(ILogger logger, Uri url, TimeSpan delay, int attempt, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "robots.txt of {Host}: crawl delay {CrawlDelay}, unavailable: {Reason}")]
    public static partial void RobotsLoaded(ILogger logger, string host, TimeSpan? crawlDelay, string? reason);
}
