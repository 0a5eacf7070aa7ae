namespace Crawler.LoadTest.CrashTest;

/// <summary>Everything the crash test measured: the kills, the two crawls' end states and the deliveries both got.</summary>
public sealed record CrashTestResult(
    IReadOnlyList<KillOutcome> Kills,
    WorkerRun Reference,
    WorkerRun Final,
    CrawlState ReferenceState,
    CrawlState CrashedState,
    AlertTally Alerts,
    IndexTally Index,
    TimeSpan Elapsed)
{
    public bool ArchiveEqual => ReferenceState.Archive.SequenceEqual(CrashedState.Archive);

    public bool ReportsEqual => ReferenceState.Reports.SequenceEqual(CrashedState.Reports);

    public bool OutboxEqual => ReferenceState.Outbox.SequenceEqual(CrashedState.Outbox);

    public int AlertKillsHit => Kills.Count(k => k.Hit && k.Kill.Phase == Pipeline.Faults.CrashPhase.AlertDelivery);

    /// <summary>
    /// Every requirement at once: identical archive, reports and outbox; the index got every document with the
    /// reference's content; every alert arrived, none unexpected, none changed; and each repeated alert is the one
    /// a kill between send and record explains (at most one per alert kill that hit); no temporary file left behind.
    /// </summary>
    public bool Passed =>
        Reference.Completed && Final.Completed && ArchiveEqual && ReportsEqual && OutboxEqual
        && Index is { Lost: 0, Unexpected: 0, Conflicts: 0, ComplianceFinalMismatches: 0 }
        && Alerts is { Lost: 0, Unexpected: 0, ContentMismatches: 0, ReferenceDuplicates: 0 }
        && Alerts.Redeliveries <= AlertKillsHit
        && CrashedState.LeftoverFiles == 0;
}
