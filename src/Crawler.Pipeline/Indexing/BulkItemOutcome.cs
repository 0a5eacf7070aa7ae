namespace Crawler.Pipeline.Indexing;

public enum BulkItemOutcome
{
    Succeeded,

    /// <summary>429, 5xx, or an update whose target is not indexed yet: try again later.</summary>
    Retryable,

    /// <summary>A 4xx such as a strict-mapping or parse error: the document itself was refused.</summary>
    Rejected,
}
