namespace Crawler.LoadTest.CrashTest;

/// <summary>
/// The documents the fake cluster got during the killed crawls against those of the uninterrupted one, by
/// (action, id). <see cref="Resent"/>: items received again (a kill between _bulk's answer and the outbox's record
/// re-sends the batch; the stable ids make that an overwrite with the same content). <see cref="Conflicts"/>: an id
/// received with content other than the reference's. These count report documents. Compliance documents are
/// rebuilt from the store after every pass, so a crawl resumed over several passes sends the states in between too:
/// only each one's last content must equal the reference's last (<see cref="ComplianceExpected"/>,
/// <see cref="ComplianceFinalMismatches"/>: missing, extra, or last content differing).
/// </summary>
public sealed record IndexTally(int Expected, int Received, int Distinct, int Lost, int Unexpected, int Resent, int Conflicts)
{
    public int ComplianceExpected { get; init; }

    public int ComplianceFinalMismatches { get; init; }

    public static IndexTally Compare(IReadOnlyCollection<IndexedDocument> reference, IReadOnlyCollection<IndexedDocument> crashed) =>
        CompareReports([.. reference.Where(d => !d.IsCompliance)], [.. crashed.Where(d => !d.IsCompliance)]) with
        {
            ComplianceExpected = reference.Where(d => d.IsCompliance).Select(d => d.Id).Distinct().Count(),
            ComplianceFinalMismatches = FinalMismatches([.. reference.Where(d => d.IsCompliance)], [.. crashed.Where(d => d.IsCompliance)]),
        };

    private static int FinalMismatches(IReadOnlyCollection<IndexedDocument> reference, IReadOnlyCollection<IndexedDocument> crashed)
    {
        var expected = reference.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Last().Source, StringComparer.Ordinal);
        var received = crashed.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Last().Source, StringComparer.Ordinal);
        return expected.Keys.Union(received.Keys).Count(id =>
            !expected.TryGetValue(id, out var want) || !received.TryGetValue(id, out var got) || want != got);
    }

    private static IndexTally CompareReports(IReadOnlyCollection<IndexedDocument> reference, IReadOnlyCollection<IndexedDocument> crashed)
    {
        static string Key(IndexedDocument d) => d.Action + " " + d.Id;
        var expected = reference.GroupBy(Key).ToDictionary(g => g.Key, g => g.Last().Source, StringComparer.Ordinal);
        var received = crashed.GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return new IndexTally(
            expected.Count,
            crashed.Count,
            received.Count,
            expected.Keys.Count(k => !received.ContainsKey(k)),
            received.Keys.Count(k => !expected.ContainsKey(k)),
            crashed.Count - received.Count,
            received.Count(r => expected.TryGetValue(r.Key, out var source) && r.Value.Any(d => d.Source != source)));
    }
}
