using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Crawling;

internal static partial class CrawlLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Source {SourceId} done: {NewReports} new reports, {NewVersions} new versions, {Unchanged} unchanged, {NotReports} not reports, {Failures} failures, {Problems} problems")]
    public static partial void SourceFinished(ILogger logger, string sourceId, int newReports, int newVersions, int unchanged, int notReports, int failures, int problems);
}
