namespace Crawler.LoadTest.CrashTest;

/// <summary>How much one uninterrupted crawl does: full responses served, report versions stored, alerts delivered, _bulk requests sent.</summary>
public sealed record ReferenceCounts(int Fetches, int Versions, int Alerts, int IndexBatches);
