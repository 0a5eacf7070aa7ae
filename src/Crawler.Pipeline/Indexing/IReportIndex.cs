namespace Crawler.Pipeline.Indexing;

/// <summary>
/// What the crawler needs of the search cluster, in its own terms: the outbox, the commands and the readiness probe
/// depend on this and nothing else. <see cref="ElasticsearchReportIndex"/> implements it with the official client.
/// Failures are values, never exceptions.
/// </summary>
public interface IReportIndex
{
    /// <summary>
    /// Puts the index template, creates the index if missing and makes sure both aliases point at it; then the same for
    /// the compliance index (its template, the index). True when the reports index was created by this call.
    /// </summary>
    Task<IndexCallResult<bool>> EnsureIndexAsync(CancellationToken cancellationToken);

    /// <summary>Sends operations in one _bulk request (explicit ids) and says what became of each.</summary>
    Task<BulkResult> BulkAsync(IReadOnlyList<BulkOperation> operations, CancellationToken cancellationToken);

    Task<IndexCallResult<ReportHits>> SearchAsync(ReportQuery query, CancellationToken cancellationToken);

    Task<IndexCallResult<long>> CountAsync(ReportQuery query, CancellationToken cancellationToken);

    Task<IndexCallResult<ClusterHealth>> HealthAsync(CancellationToken cancellationToken);
}
