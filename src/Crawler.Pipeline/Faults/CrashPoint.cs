using System.Globalization;

namespace Crawler.Pipeline.Faults;

/// <summary>
/// A test hook for the crash test (<c>crashtest</c> in bench/Crawler.LoadTest, docs/reliability.md §1), inert in
/// production. Started with the environment variable <c>CRAWLER_CRASH_AT=&lt;phase&gt;:&lt;n&gt;</c> (a
/// <see cref="CrashPhase"/>), the process writes <c>CRASHPOINT &lt;phase&gt; &lt;n&gt;</c> to stderr the n-th time it
/// reaches that phase and blocks there, so the harness can SIGKILL it at exactly that moment — a real kill, not an
/// exception that finally-blocks and disposals could tidy up after. Without the variable a call is one null check.
/// </summary>
public static class CrashPoint
{
    public const string Variable = "CRAWLER_CRASH_AT";

    public const string Marker = "CRASHPOINT";

    // How long a reached point waits for the harness's kill before failing fast on its own.
    private static readonly TimeSpan WaitForKill = TimeSpan.FromMinutes(2);

    private static readonly (string Phase, int Occurrence)? Target = Parse(Environment.GetEnvironmentVariable(Variable));

    private static int _reached;

    /// <summary>Marks one occurrence of <paramref name="phase"/>; blocks for good at the configured occurrence.</summary>
    public static void Reach(string phase)
    {
        if (Target is not { } target || !string.Equals(target.Phase, phase, StringComparison.Ordinal)) return;
        if (Interlocked.Increment(ref _reached) != target.Occurrence) return;
        var line = string.Create(CultureInfo.InvariantCulture, $"{Marker} {phase} {target.Occurrence}");
        Console.Error.WriteLine(line);
        Console.Error.Flush();
        Thread.Sleep(WaitForKill);
        Environment.FailFast(line + ": not killed by the harness in time");
    }

    /// <summary>"phase:n" with a known phase and n ≥ 1; anything else is reported once on stderr and ignored.</summary>
    public static (string Phase, int Occurrence)? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parts = value.Split(':');
        if (parts.Length == 2 && CrashPhase.All.Contains(parts[0])
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var occurrence) && occurrence >= 1)
            return (parts[0], occurrence);
        Console.Error.WriteLine($"{Variable}='{value}' ignored: expected <phase>:<n> with phase one of {string.Join(", ", CrashPhase.All)} and n ≥ 1");
        return null;
    }
}
