namespace Crawler.Pipeline.Storage;

/// <summary>The record of each source's crawls (started, finished, outcome), kept beside the reports for <c>crawler status</c>.</summary>
public interface ICrawlRunLog
{
    /// <summary>Records a crawl that has ended, however it ended.</summary>
    Task RecordAsync(CrawlRunRecord run, CancellationToken cancellationToken);

    /// <summary>Each source's latest run, and its latest run that met a problem (when different), by source id.</summary>
    Task<IReadOnlyDictionary<string, (CrawlRunRecord Last, CrawlRunRecord? LastProblem)>> LatestAsync(CancellationToken cancellationToken);
}
