namespace Crawler.LoadTest.Fuzzing;

/// <summary>
/// What one hostile document did: extracted (and maybe parsed as a report) or failed with an error; a violation
/// (an exception escaped, a crash inside an extractor, a hang past the limit, an error that does not name the
/// document) is what the fuzz run exists to find.
/// </summary>
public sealed record FuzzOutcome(string Name, int Bytes, TimeSpan Elapsed, bool Extracted, bool IsReport, string? Error, string? Violation)
{
    /// <summary>Time spent in the extract stage (the rest of <see cref="Elapsed"/> is parsing).</summary>
    public TimeSpan Extraction { get; init; }
}
