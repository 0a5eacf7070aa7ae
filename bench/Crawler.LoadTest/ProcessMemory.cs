using System.Diagnostics;

namespace Crawler.LoadTest;

/// <summary>Peak resident set size of this process (VmHWM), resettable between runs through /proc/self/clear_refs.</summary>
public static class ProcessMemory
{
    public static long PeakRssBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], out var kb)) return kb * 1024;
        }
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
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
