namespace Crawler.LoadTest.CrashTest;

/// <summary>One kill of the plan: the n-th occurrence of a phase (a <see cref="Crawler.Pipeline.Faults.CrashPhase"/>) in one run of the worker.</summary>
public sealed record PlannedKill(string Phase, int Occurrence)
{
    /// <summary>The value of CRAWLER_CRASH_AT for the run that carries out this kill.</summary>
    public string Variable => $"{Phase}:{Occurrence}";
}
