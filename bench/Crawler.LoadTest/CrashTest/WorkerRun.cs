namespace Crawler.LoadTest.CrashTest;

/// <summary>How one start of the worker ended: killed at its crash point, or run to its own exit.</summary>
public sealed record WorkerRun(string? CrashAt, bool Killed, int? ExitCode, TimeSpan Elapsed, string ErrorTail)
{
    public bool Completed => !Killed && ExitCode == 0;
}
