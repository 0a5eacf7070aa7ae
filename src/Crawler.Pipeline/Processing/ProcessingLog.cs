using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Processing;

internal static partial class ProcessingLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Quarantined {Url} ({Sha256}) of source {SourceId}: {Error}; it will be retried on the next run")]
    public static partial void Quarantined(this ILogger logger, Uri url, string sha256, string sourceId, string error);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Stored {Agency} {Year} version {Version} ({Change}) from {Url}")]
    public static partial void Stored(this ILogger logger, string agency, int year, int version, string change, Uri url);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Not a report: {Url}: {Reason}")]
    public static partial void NotAReport(this ILogger logger, Uri url, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Fetcher announced sha256 {Claimed} for {Url} but the body hashes to {Actual}; archived under the actual hash")]
    public static partial void HashMismatch(this ILogger logger, Uri url, string claimed, string actual);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Fetch of {Url} failed: {Reason}")]
    public static partial void FetchFailed(this ILogger logger, Uri url, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Parsed year {ParsedYear} of {Url} differs from the year {HintYear} in its link; the parsed year is used")]
    public static partial void YearDiffers(this ILogger logger, Uri url, int parsedYear, int hintYear);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "{Url} is another document of {Agency} {Year} version {Version} with other figures; no new version: {Detail}")]
    public static partial void RenditionDiffers(this ILogger logger, Uri url, string agency, int year, int version, string detail);
}
