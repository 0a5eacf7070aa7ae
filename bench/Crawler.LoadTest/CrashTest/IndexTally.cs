namespace Crawler.LoadTest.CrashTest;

/// <summary>
/// The documents the fake cluster got during the killed crawls against those of the uninterrupted one, by
/// (action, id). <see cref="Resent"/>: items received again (a kill between _bulk's answer and the outbox's record
/// re-sends the batch; the stable ids make that an overwrite with the same content). <see cref="Conflicts"/>: an id
/// received with content other than the reference's.
/// </summary>
public sealed record IndexTally(int Expected, int Received, int Distinct, int Lost, int Unexpected, int Resent, int Conflicts)
{
    public static IndexTally Compare(IReadOnlyCollection<IndexedDocument> reference, IReadOnlyCollection<IndexedDocument> crashed)
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
