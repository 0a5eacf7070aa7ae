namespace Crawler.LoadTest.CrashTest;

/// <summary>A planned kill and how its run ended: killed at the planned point, or finished before reaching it.</summary>
public sealed record KillOutcome(PlannedKill Kill, WorkerRun Run)
{
    public bool Hit => Run.Killed;
}
