namespace Crawler.Pipeline.Indexing;

public enum BulkAction
{
    /// <summary>Create or replace the whole document.</summary>
    Index,

    /// <summary>Partial update (e.g. isLatest=false on the version a new one supersedes).</summary>
    Update,
}
