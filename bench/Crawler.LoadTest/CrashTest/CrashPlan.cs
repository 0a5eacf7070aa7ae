using Crawler.Pipeline.Faults;

namespace Crawler.LoadTest.CrashTest;

/// <summary>
/// The seeded kill sequence. Every phase gets at least one kill when there are enough, the rest are drawn at random.
/// Crawl-stage kills (fetch … announce) come first in random order, then the outbox kills: a crawl pass delivers
/// alerts and then the index only after all sources are crawled, so an outbox kill finishes the crawl itself, and an
/// index kill after the alerts are all delivered. Occurrence numbers are drawn below a cap sized from the reference
/// run, so each run makes some progress and the crawl is not finished before the last crawl-stage kill.
/// </summary>
public static class CrashPlan
{
    private static readonly string[] CrawlPhases = [CrashPhase.Fetch, CrashPhase.Archive, CrashPhase.Parse, CrashPhase.Commit, CrashPhase.Announce];

    /// <param name="reference">What one uninterrupted run does: its fetches, stored versions and alert deliveries.</param>
    public static IReadOnlyList<PlannedKill> Create(int kills, int seed, ReferenceCounts reference)
    {
        var random = new Random(seed);
        var phases = CrashPhase.All.Take(Math.Min(kills, CrashPhase.All.Count)).ToList();
        while (phases.Count < kills) phases.Add(CrashPhase.All[random.Next(CrashPhase.All.Count)]);

        var crawl = phases.Where(CrawlPhases.Contains).OrderBy(_ => random.Next()).ToList();
        // Parse, commit and announce happen once per new document, so the crawl advances by the occurrence number
        // of these kills (half the cap on average): together they get through about 60 % of it, the last crawl-stage
        // kill still finds work, and the outbox kills come after a finished crawl.
        var advancing = Math.Max(1, crawl.Count(p => p is CrashPhase.Parse or CrashPhase.Commit or CrashPhase.Announce));
        int Cap(string phase) => phase switch
        {
            // Every run downloads robots.txt and the list pages again (about half the fetches) before the documents
            // it still lacks: drawn from the first third, a fetch or archive kill lands anywhere in that sweep.
            CrashPhase.Fetch or CrashPhase.Archive => Math.Max(1, reference.Fetches / 3),
            CrashPhase.Parse or CrashPhase.Commit or CrashPhase.Announce => Math.Max(1, 6 * reference.Versions / (5 * advancing)),
            // Each alert or index kill leaves what came before it delivered, so the later ones find fewer left.
            CrashPhase.AlertDelivery => Math.Max(1, reference.Alerts / Math.Max(1, phases.Count(p => p == CrashPhase.AlertDelivery))),
            _ => Math.Max(1, reference.IndexBatches / Math.Max(1, phases.Count(p => p == CrashPhase.IndexDelivery))),
        };
        var ordered = crawl
            .Concat(phases.Where(p => p == CrashPhase.AlertDelivery))
            .Concat(phases.Where(p => p == CrashPhase.IndexDelivery));
        return ordered.Select(p => new PlannedKill(p, 1 + random.Next(Cap(p)))).ToList();
    }
}
