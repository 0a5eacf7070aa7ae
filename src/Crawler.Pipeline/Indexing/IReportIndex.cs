using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// What the crawler needs of the search cluster. Deliberately narrow so the official
/// Elastic.Clients.Elasticsearch client (absent from this registry) can replace <see cref="ElasticsearchRestClient"/>
/// without touching the outbox, the CLI or the readiness probe. Failures are values, never exceptions.
/// </summary>
public interface IReportIndex
{
    /// <summary>Puts the index template, creates the index if missing and makes sure both aliases point at it.</summary>
    Task<IndexCallResult<bool>> EnsureIndexAsync(CancellationToken cancellationToken);

    /// <summary>Sends operations in one _bulk request (retrying 429/5xx items) and says what became of each.</summary>
    Task<BulkResult> BulkAsync(IReadOnlyList<BulkOperation> operations, CancellationToken cancellationToken);

    /// <summary>POST {target}/_search with a query DSL body; target defaults to the all-versions alias.</summary>
    Task<IndexCallResult<JsonDocument>> SearchAsync(JsonObject body, string? target, CancellationToken cancellationToken);

    /// <summary>POST {target}/_count; a null query counts every document.</summary>
    Task<IndexCallResult<long>> CountAsync(JsonObject? query, string? target, CancellationToken cancellationToken);

    Task<IndexCallResult<ClusterHealth>> HealthAsync(CancellationToken cancellationToken);
}
