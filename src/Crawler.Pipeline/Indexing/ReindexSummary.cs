namespace Crawler.Pipeline.Indexing;

/// <summary>What <c>crawler reindex</c> did: versions read, documents queued and what became of them.</summary>
public sealed record ReindexSummary(int Versions, int Queued, int Delivered, int Dead, int StillPending, string? Unreachable);
