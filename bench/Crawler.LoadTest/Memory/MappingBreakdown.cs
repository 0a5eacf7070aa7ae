namespace Crawler.LoadTest.Memory;

/// <summary>
/// Resident kB of a process grouped by what is mapped (from /proc/&lt;pid&gt;/smaps): anonymous mappings (the GC
/// heap, glibc arenas, thread stacks), the brk heap (native malloc: SQLite's page cache, ICU), managed
/// assemblies (*.dll), native libraries (*.so) and other files.
/// </summary>
public static class MappingBreakdown
{
    public static IReadOnlyDictionary<string, long> Read(int pid)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        string kind = "other";
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
            {
                if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.Contains('-'))
                {
                    var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                    var name = parts.Length == 6 ? parts[5].Trim() : "";
                    kind = name switch
                    {
                        "" => "anonymous",
                        "[heap]" => "brk heap",
                        _ when name.StartsWith("[stack", StringComparison.Ordinal) => "anonymous",
                        _ when name.StartsWith('[') => "other",
                        _ when name.EndsWith(".dll", StringComparison.Ordinal) => "assemblies (.dll)",
                        _ when name.Contains(".so", StringComparison.Ordinal) => "native libraries (.so)",
                        _ when name.StartsWith("/memfd:", StringComparison.Ordinal) => "memfd (runtime double-mapping)",
                        _ => "other files",
                    };
                }
                else if (line.StartsWith("Rss:", StringComparison.Ordinal)
                    && long.TryParse(line[4..].Trim().Split(' ')[0], out var kb))
                {
                    totals[kind] = totals.GetValueOrDefault(kind) + kb;
                }
            }
        }
        catch (IOException)
        {
            // The process ended while its maps were read: what was read so far is kept.
        }
        return totals;
    }
}
