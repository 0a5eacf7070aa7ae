using System.Diagnostics;

namespace Crawler.LoadTest;

/// <summary>Peak resident set size of this process (VmHWM), resettable between runs through /proc/self/clear_refs.</summary>
public static class ProcessMemory
{
    public static long PeakRssBytes() => Status("VmHWM:") ?? Current().PeakWorkingSet64;

    /// <summary>Resident set size now (VmRSS).</summary>
    public static long RssBytes() => Status("VmRSS:") ?? Current().WorkingSet64;

    private static Process Current()
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        return process;
    }

    private static long? Status(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is not null && long.TryParse(line[field.Length..].Trim().Split(' ')[0], out var kb) ? kb * 1024 : null;
    }

    /// <summary>Resets the high-water mark to the current RSS (Linux ≥ 4.0: writing 5 to clear_refs), so each run reports its own peak.</summary>
    public static void ResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without clear_refs the figure is the process-wide peak so far; the report says which run was first.
        }
    }
}
