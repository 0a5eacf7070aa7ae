namespace Crawler.Pipeline.Indexing;

/// <summary>What Elasticsearch said about one operation of a _bulk request; <see cref="Error"/> is "type: reason".</summary>
public sealed record BulkItemResult(BulkOperation Operation, int Status, BulkItemOutcome Outcome, string? Error);
