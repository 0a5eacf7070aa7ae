using Crawler.Pipeline.Faults;

namespace Crawler.LoadTest.CrashTest;

/// <summary>
/// <c>crashtest [--kills 20] [--agencies 300] [--hosts 15] [--seed N] [--index-batch 20] [--keep]</c>: the crash test of issue 6 §3 with a
/// plain summary (docs/reliability.md §1). Exit code 0 when every comparison holds.
/// </summary>
public static class CrashTestCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = CrashTestOptions.Parse(args);
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        Console.WriteLine($"Crash test: {options.Kills} kills, {options.Agencies} agencies, {options.Hosts} hosts, seed {options.Seed}; {Environment.ProcessorCount} cores");
        var result = await CrashTestRun.RunAsync(options, Console.Out, cancellation.Token);
        Write(Console.Out, result);
        return result.Passed ? 0 : 1;
    }

    public static void Write(TextWriter output, CrashTestResult result)
    {
        output.WriteLine();
        output.WriteLine("| phase | kills planned | killed at the point |");
        output.WriteLine("|---|---:|---:|");
        foreach (var phase in CrashPhase.All)
            output.WriteLine($"| {phase} | {result.Kills.Count(k => k.Kill.Phase == phase)} | {result.Kills.Count(k => k.Kill.Phase == phase && k.Hit)} |");
        output.WriteLine($"| all | {result.Kills.Count} | {result.Kills.Count(k => k.Hit)} |");
        output.WriteLine();
        var (r, c) = (result.ReferenceState, result.CrashedState);
        output.WriteLine($"archive:  {Verdict(result.ArchiveEqual)} ({r.Archive.Count} files uninterrupted, {c.Archive.Count} after the kills; "
            + $"{c.Archive.Except(r.Archive).Count()} extra, {r.Archive.Except(c.Archive).Count()} missing)");
        output.WriteLine($"reports:  {Verdict(result.ReportsEqual)} ({r.Reports.Count} versions uninterrupted, {c.Reports.Count} after the kills)");
        output.WriteLine($"outbox:   {Verdict(result.OutboxEqual)} ({r.Outbox.Count} rows uninterrupted, {c.Outbox.Count} after the kills; "
            + $"{r.Outbox.Except(c.Outbox).Count()} missing or changed, {c.Outbox.Except(r.Outbox).Count()} extra or changed; "
            + $"pending after the final run: {c.Outbox.Count(o => o.Contains(" Pending ", StringComparison.Ordinal))})");
        var i = result.Index;
        output.WriteLine($"index:    {Verdict(i is { Lost: 0, Unexpected: 0, Conflicts: 0 })} ({i.Expected} documents expected, {i.Distinct} received; "
            + $"{i.Lost} lost, {i.Unexpected} unexpected, {i.Conflicts} with other content; {i.Resent} items re-sent after index kills, same id and content)");
        output.WriteLine($"compliance: {Verdict(i.ComplianceFinalMismatches == 0)} ({i.ComplianceExpected} documents expected, "
            + $"{i.ComplianceFinalMismatches} missing, extra or ending with other content)");
        var a = result.Alerts;
        output.WriteLine($"alerts:   {Verdict(a is { Lost: 0, Unexpected: 0, ContentMismatches: 0 } && a.Redeliveries <= result.AlertKillsHit)} "
            + $"({a.Expected} expected, {a.Distinct} distinct received; {a.Lost} lost, {a.Unexpected} unexpected, {a.ContentMismatches} changed; "
            + $"{a.Redeliveries} re-deliveries with the same Idempotency-Key, {result.AlertKillsHit} alert kills could cause them)");
        output.WriteLine($"leftover temporary files after the kills: {c.LeftoverFiles} (uninterrupted: {r.LeftoverFiles})");
        output.WriteLine($"elapsed: {result.Elapsed.TotalMinutes:0.0} min (reference crawl {result.Reference.Elapsed.TotalSeconds:0.0} s, "
            + $"{result.Kills.Count} killed runs {result.Kills.Sum(k => k.Run.Elapsed.TotalSeconds):0} s, final run {result.Final.Elapsed.TotalSeconds:0.0} s)");
        output.WriteLine(result.Passed ? "PASSED" : "FAILED");
    }

    private static string Verdict(bool equal) => equal ? "equal" : "DIFFERENT";
}
