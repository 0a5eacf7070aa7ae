namespace Crawler.LoadTest.CrashTest;

/// <summary>
/// The alerts the listener got during the killed crawls against those of the uninterrupted one, by Idempotency-Key.
/// <see cref="Lost"/>: expected, never received. <see cref="Unexpected"/>: received, not expected.
/// <see cref="Redeliveries"/>: the same key received more than once (a kill between the channel's answer and the
/// outbox's record makes the next run send it again, with the same key). <see cref="ContentMismatches"/>: a key
/// whose body differs from the reference's.
/// </summary>
public sealed record AlertTally(int Expected, int Received, int Distinct, int Lost, int Unexpected, int Redeliveries, int ContentMismatches,
    int ReferenceDuplicates)
{
    public static AlertTally Compare(IReadOnlyCollection<AlertDelivery> reference, IReadOnlyCollection<AlertDelivery> crashed)
    {
        var expected = reference.GroupBy(a => a.IdempotencyKey).ToDictionary(g => g.Key, g => g.First().Body, StringComparer.Ordinal);
        var received = crashed.GroupBy(a => a.IdempotencyKey).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return new AlertTally(
            expected.Count,
            crashed.Count,
            received.Count,
            expected.Keys.Count(k => !received.ContainsKey(k)),
            received.Keys.Count(k => !expected.ContainsKey(k)),
            crashed.Count - received.Count,
            received.Count(r => expected.TryGetValue(r.Key, out var body) && r.Value.Any(d => d.Body != body)),
            reference.Count - expected.Count);
    }
}
