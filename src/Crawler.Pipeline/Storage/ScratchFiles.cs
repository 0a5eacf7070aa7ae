using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Crawler.Pipeline.Storage;

/// <summary>
/// Temporary files (half-downloaded bodies, archive staging files) named after the process writing them. A worker
/// killed mid-write (SIGKILL, power loss) never deletes its file; the next process to use the folder sweeps the
/// files of processes that no longer run — and its own pid's files older than itself, since a container restarts
/// its worker under the same pid — while files of other live workers sharing the folder are left alone.
/// </summary>
internal static class ScratchFiles
{
    private static readonly ConcurrentDictionary<string, bool> Swept = new(StringComparer.Ordinal);

    private static readonly DateTime ProcessStarted = StartTime();

    /// <summary>A new file name: <c>&lt;prefix&gt;&lt;pid&gt;-&lt;guid&gt;&lt;extension&gt;</c>.</summary>
    public static string Name(string prefix, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{Environment.ProcessId}-{Guid.NewGuid():N}{extension}");

    /// <summary>Sweeps <paramref name="directory"/> once per process; returns how many orphans were deleted.</summary>
    public static int SweepOnce(string directory, string prefix, string extension) =>
        Swept.TryAdd(Path.GetFullPath(directory), true) ? Sweep(directory, prefix, extension) : 0;

    public static int Sweep(string directory, string prefix, string extension)
    {
        if (!Directory.Exists(directory)) return 0;
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(directory, prefix + "*" + extension))
        {
            var name = Path.GetFileName(file)[prefix.Length..];
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (!IsOrphan(file, pid)) continue;
            try
            {
                File.Delete(file);
                deleted++;
            }
            catch (IOException)
            {
                // Another process swept it first, or it is in use: either way not ours to fight over.
            }
        }
        return deleted;
    }

    private static bool IsOrphan(string file, int pid)
    {
        if (pid == Environment.ProcessId) return File.GetLastWriteTimeUtc(file) < ProcessStarted;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static DateTime StartTime()
    {
        using var current = Process.GetCurrentProcess();
        return current.StartTime.ToUniversalTime();
    }
}
