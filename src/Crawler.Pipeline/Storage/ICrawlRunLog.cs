namespace Crawler.Pipeline.Storage;

/// <summary>The record of each source's crawls (started, finished, outcome), kept beside the reports for <c>crawler status</c>.</summary>
public interface ICrawlRunLog
{
    /// <summary>Records the start of a crawl; the returned id closes it.</summary>
    Task<long> StartedAsync(string sourceId, string agency, DateTimeOffset at, CancellationToken cancellationToken);

    Task FinishedAsync(long runId, CrawlRunRecord finished, CancellationToken cancellationToken);

    /// <summary>Each source's latest run, and its latest run that met a problem (when different), by source id.</summary>
    Task<IReadOnlyDictionary<string, (CrawlRunRecord Last, CrawlRunRecord? LastProblem)>> LatestAsync(CancellationToken cancellationToken);
}
