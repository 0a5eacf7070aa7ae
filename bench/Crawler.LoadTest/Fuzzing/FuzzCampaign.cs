using System.Diagnostics;

namespace Crawler.LoadTest.Fuzzing;

/// <summary>
/// A whole fuzz run: generate the corpus, run every input, keep each input that violated something in the
/// regressions folder (replayed by a test), and sum up time and memory.
/// </summary>
public static class FuzzCampaign
{
    public sealed record Summary(IReadOnlyList<FuzzOutcome> Outcomes, TimeSpan Elapsed, long PeakRssBytes, long ManagedBytesAfter)
    {
        public IReadOnlyList<FuzzOutcome> Violations => Outcomes.Where(o => o.Violation is not null).ToList();
    }

    public static async Task<Summary> RunAsync(IEnumerable<HostileInput> inputs, TimeSpan perDocumentLimit, string? regressionsDirectory,
        Action<FuzzOutcome>? progress, CancellationToken cancellationToken)
    {
        await using var run = new FuzzRun(perDocumentLimit);
        var outcomes = new List<FuzzOutcome>();
        var clock = Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            var outcome = await run.RunAsync(input, cancellationToken).ConfigureAwait(false);
            outcomes.Add(outcome);
            progress?.Invoke(outcome);
            if (outcome.Violation is not null && regressionsDirectory is not null)
            {
                Directory.CreateDirectory(regressionsDirectory);
                await File.WriteAllBytesAsync(Path.Combine(regressionsDirectory, input.Name), input.Bytes, cancellationToken).ConfigureAwait(false);
            }
        }
        clock.Stop();
        GC.Collect();
        return new Summary(outcomes, clock.Elapsed, ProcessMemory.PeakRssBytes(), GC.GetTotalMemory(forceFullCollection: true));
    }
}
