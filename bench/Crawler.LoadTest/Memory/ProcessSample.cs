namespace Crawler.LoadTest.Memory;

/// <summary>
/// One reading of another process's /proc/&lt;pid&gt;/status: resident memory split into anonymous pages (managed
/// heap, native allocations, stacks — the process's own) and file-backed pages (mapped assemblies and native
/// libraries: counted in RSS, but shared with other processes and reclaimable by the kernel), plus CPU ticks.
/// </summary>
public sealed record ProcessSample(long RssKb, long PeakRssKb, long AnonKb, long FileKb, long ShmemKb, long CpuTicks)
{
    public static ProcessSample? Read(int pid)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{pid}/status");
            long Field(string name) => status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal)) is { } line
                && long.TryParse(line[name.Length..].Trim().Split(' ')[0], out var kb) ? kb : 0;
            // utime and stime are the 14th and 15th fields, counted after the parenthesised command name.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return new ProcessSample(Field("VmRSS:"), Field("VmHWM:"), Field("RssAnon:"), Field("RssFile:"), Field("RssShmem:"), ticks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // The process ended between two readings.
            return null;
        }
    }

    /// <summary>/proc/&lt;pid&gt;/smaps_rollup as name → kB (Rss, Pss, Anonymous, Private_Dirty …), empty when it cannot be read.</summary>
    public static IReadOnlyDictionary<string, long> Rollup(int pid)
    {
        try
        {
            return File.ReadAllLines($"/proc/{pid}/smaps_rollup").Skip(1)
                .Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => long.TryParse(p[1].Trim().Split(' ')[0], out var kb) ? kb : 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Dictionary<string, long>();
        }
    }
}
