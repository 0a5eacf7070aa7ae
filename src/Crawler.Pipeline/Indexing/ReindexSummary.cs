namespace Crawler.Pipeline.Indexing;

/// <summary>
/// What <c>crawler reindex</c> did: versions read, report documents queued and what became of everything queued
/// (<see cref="Delivered"/>, <see cref="Dead"/> and <see cref="StillPending"/> count the compliance documents too);
/// <see cref="ComplianceDocuments"/> is the number of compliance documents queued.
/// </summary>
public sealed record ReindexSummary(int Versions, int Queued, int Delivered, int Dead, int StillPending, string? Unreachable, int ComplianceDocuments = 0);
