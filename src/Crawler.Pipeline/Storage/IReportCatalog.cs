namespace Crawler.Pipeline.Storage;

/// <summary>What the deadline check and the readiness probe need to know of the stored reports.</summary>
public interface IReportCatalog
{
    /// <summary>True when a report of this source for this year has been stored.</summary>
    Task<bool> HasReportAsync(string sourceId, int year, CancellationToken cancellationToken);
}
