namespace Crawler.Pipeline.Faults;

/// <summary>
/// The named moments at which the crash test (<see cref="CrashPoint"/>) can stop the process, in pipeline order.
/// Each is a point where a machine death would leave work half done.
/// </summary>
public static class CrashPhase
{
    /// <summary>A response body half downloaded: the first chunk is in the temporary body file, the rest is not read.</summary>
    public const string Fetch = "fetch";

    /// <summary>A body written and flushed to the archive's staging file, before the rename to its hash name and the fetch row.</summary>
    public const string Archive = "archive";

    /// <summary>A document extracted and parsed, nothing of it stored yet.</summary>
    public const string Parse = "parse";

    /// <summary>Inside the transaction that stores a new report version, before COMMIT.</summary>
    public const string Commit = "commit";

    /// <summary>A version committed, before it is queued for the index and the alert channels and marked done.</summary>
    public const string Announce = "announce";

    /// <summary>An alert sent and acknowledged by its channel, before the outbox records it as delivered.</summary>
    public const string AlertDelivery = "alert";

    /// <summary>A _bulk request answered by Elasticsearch, before the outbox records its items as delivered.</summary>
    public const string IndexDelivery = "index";

    public static IReadOnlyList<string> All { get; } = [Fetch, Archive, Parse, Commit, Announce, AlertDelivery, IndexDelivery];
}
