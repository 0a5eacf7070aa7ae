namespace Crawler.Pipeline.Storage;

public enum ProcessingStatus
{
    /// <summary>Processed to the end (a report version, a non-report, a context page): never parsed again.</summary>
    Done,

    /// <summary>Quarantined with its error: kept in the archive and retried on the next run.</summary>
    Failed,
}
