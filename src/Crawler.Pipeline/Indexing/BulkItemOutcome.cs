namespace Crawler.Pipeline.Indexing;

public enum BulkItemOutcome
{
    Succeeded,

    /// <summary>429, 5xx, or an update whose target is not indexed yet: try again later.</summary>
    Retryable,

    /// <summary>A 4xx such as mapper_parsing_exception: sending the same document again cannot succeed.</summary>
    Permanent,
}
