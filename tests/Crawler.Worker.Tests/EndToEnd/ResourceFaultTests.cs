using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Crawler.Worker.Cli;

namespace Crawler.Worker.Tests.EndToEnd;

/// <summary>
/// The real crawler process against a data folder that is held by another writer, read-only, damaged or full: one line
/// on stderr, no stack trace, a non-zero exit, and nothing lost — a later run on a sound folder ends with every report.
/// </summary>
[Collection(EnvironmentCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ResourceFaultTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("crawler-faults-").FullName;

    public void Dispose()
    {
        foreach (var mount in _mounts) Unmount(mount);
        Directory.Delete(_root, recursive: true);
    }

    private readonly List<string> _mounts = [];

    /// <summary>The failure is one line (the log lines of a piped crawl go before it), with no stack trace.</summary>
    private static string OneLine(CrawlerRun run)
    {
        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("crawler: ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1, run.ToString());
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        return errors[0];
    }

    /// <summary>(agency, year, version, sha256) of every stored version, as <c>crawler reports --format json</c> lists them.</summary>
    private static async Task<List<string>> ReportsAsync(string directory, string data)
    {
        var run = await CrawlerProcess.RunAsync(directory, "reports", "--format", "json", "--data", data);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.EnumerateArray()
            .Select(r => $"{r.GetProperty("agency").GetString()} {r.GetProperty("year").GetInt32()} v{r.GetProperty("version").GetInt32()} {r.GetProperty("sha256").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<string> WaitForLineAsync(Process process, string prefix, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal)) return line;
        }
        throw new InvalidOperationException($"the crawler ended without writing {prefix}");
    }

    [Fact]
    public async Task A_second_crawl_on_one_data_folder_names_the_writer_holding_it_and_exits_3_and_a_killed_writer_does_not_block()
    {
        // The first writer stops at its first download (the crash hook blocks there) and holds the folder.
        using var first = CrawlerProcess.Start(_root, new Dictionary<string, string?> { ["CRAWLER_CRASH_AT"] = "fetch:1" }, "crawl", "--once", "--sample", "--data", "data");
        try
        {
            await WaitForLineAsync(first, "CRASHPOINT fetch", TimeSpan.FromMinutes(2));

            var second = await CrawlerProcess.RunAsync(_root, "crawl", "--once", "--sample", "--data", "data");

            Assert.Equal(ExitCodes.Failed, second.ExitCode);
            OneLine(second);
            Assert.Contains("the data folder", second.Error);
            Assert.Contains($"is held by another writer): pid {first.Id} on host {Environment.MachineName} since ", second.Error);
            Assert.Contains("UTC (crawl --once)", second.Error);
            Assert.DoesNotContain("Crawling ", second.Error);
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        // SIGKILL released the lock: the next writer crawls, and ends with all five sample reports.
        var third = await CrawlerProcess.RunAsync(_root, "crawl", "--once", "--sample", "--data", "data");
        Assert.True(third.ExitCode == ExitCodes.Success, third.ToString());
        Assert.Equal(5, (await ReportsAsync(_root, "data")).Count);
        Assert.False(File.Exists(Path.Combine(_root, "data", "writer.json")), "the holder file stays after a writer that ended");
    }

    [Fact]
    public async Task A_damaged_state_db_is_one_line_and_exit_3_for_crawl_and_reports_and_is_left_as_it_was()
    {
        var data = Path.Combine(_root, "damaged");
        Directory.CreateDirectory(data);
        var state = Path.Combine(data, "state.db");
        var garbage = new byte[64 * 1024];
        new Random(20261204).NextBytes(garbage);
        File.WriteAllBytes(state, garbage);
        var before = SHA256.HashData(File.ReadAllBytes(state));

        var crawl = await CrawlerProcess.RunAsync(_root, "crawl", "--once", "--sample", "--data", data);
        var reports = await CrawlerProcess.RunAsync(_root, "reports", "--data", data);

        foreach (var run in new[] { crawl, reports })
        {
            Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
            OneLine(run);
            Assert.Contains("状态数据库已损坏或不是 SQLite 文件 (the state database is damaged or not a database)", run.Error);
        }
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(state)));
    }

    [Fact]
    public async Task Crawling_into_a_read_only_data_folder_is_one_line_and_exit_3_and_changes_nothing()
    {
        var crawled = await CrawlerProcess.RunAsync(_root, "crawl", "--once", "--sample", "--data", "data");
        Assert.True(crawled.ExitCode == ExitCodes.Success, crawled.ToString());
        var data = Path.Combine(_root, "data");
        File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode searchable = readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(file, readable);
        foreach (var directory in Directory.EnumerateDirectories(data, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(directory, searchable);
        File.SetUnixFileMode(data, searchable);
        var before = Directory.GetFileSystemEntries(data, "*", SearchOption.AllDirectories).Order().Select(f => f + " " + (File.Exists(f) ? new FileInfo(f).Length : 0)).ToList();

        try
        {
            var again = await CrawlerProcess.RunUnprivilegedAsync(Path.GetTempPath(), "crawl", "--once", "--sample", "--data", data);
            var reports = await CrawlerProcess.RunUnprivilegedAsync(Path.GetTempPath(), "reports", "--data", data);

            Assert.True(again.ExitCode == ExitCodes.Failed, again.ToString());
            Assert.Contains($"数据目录不可写 (the data folder {data} cannot be written", OneLine(again));
            Assert.True(reports.ExitCode == ExitCodes.Success, reports.ToString());
            Assert.Equal(before, Directory.GetFileSystemEntries(data, "*", SearchOption.AllDirectories).Order().Select(f => f + " " + (File.Exists(f) ? new FileInfo(f).Length : 0)));
        }
        finally
        {
            foreach (var directory in Directory.EnumerateDirectories(data, "*", SearchOption.AllDirectories).Prepend(data))
                File.SetUnixFileMode(directory, searchable | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task A_full_disk_mid_crawl_is_one_line_and_a_non_zero_exit_and_the_next_crawl_on_room_ends_with_every_report()
    {
        // A real full file system: a tmpfs too small for the sample crawl (needs root; the crash hook is not used).
        var full = Path.Combine(_root, "full");
        Directory.CreateDirectory(full);
        // Without root no file system can be mounted, and this case is not run (the runs here are as root).
        if (!CrawlerProcess.RunningAsRoot) return;
        Assert.True(Mount(full, FullDiskSize), "mount -t tmpfs failed although running as root");
        _mounts.Add(full);

        var crawl = await CrawlerProcess.RunAsync(_root, "crawl", "--once", "--sample", "--data", full);

        Assert.NotEqual(ExitCodes.Success, crawl.ExitCode);
        OneLine(crawl);
        Assert.Contains("磁盘已满 (no space left on the disk)", crawl.Error);

        // Nothing lost: the same folder, given room, finishes the crawl with the five reports of an uninterrupted one.
        var room = Path.Combine(_root, "room");
        Copy(full, room);
        var resumed = await CrawlerProcess.RunAsync(_root, "crawl", "--once", "--sample", "--data", room);
        var reference = await CrawlerProcess.RunAsync(_root, "crawl", "--once", "--sample", "--data", "reference");

        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.ToString());
        Assert.True(reference.ExitCode == ExitCodes.Success, reference.ToString());
        Assert.Equal(await ReportsAsync(_root, "reference"), await ReportsAsync(_root, room));
    }

    /// <summary>Smaller than the sample crawl's data folder (measured: ~1.2 MB), larger than its empty state.db.</summary>
    private const string FullDiskSize = "600k";

    private static bool Mount(string path, string size)
    {
        using var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", $"size={size}", "tmpfs", path]) { RedirectStandardError = true });
        mount!.WaitForExit();
        return mount.ExitCode == 0;
    }

    private static void Unmount(string path)
    {
        using var umount = Process.Start(new ProcessStartInfo("umount", [path]) { RedirectStandardError = true });
        umount!.WaitForExit();
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }
}
