using System.Diagnostics;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Tests.Storage;

/// <summary>
/// Found by the crash test: every SIGKILL during a download or an archive write left its temporary file behind for
/// good (3 files after 7 kills). Files of dead processes are now swept; files of live workers are not touched.
/// </summary>
public sealed class ScratchFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("scratch-").FullName;

    [Fact]
    public async Task Files_of_dead_processes_and_of_an_earlier_life_of_this_pid_are_swept_and_a_live_workers_file_is_kept()
    {
        var dead = await ExitedProcessIdAsync();
        using var live = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            var orphan = Touch($"{dead}-0123456789abcdef.body");
            var earlierLife = Touch($"{Environment.ProcessId}-aaaa.body");
            File.SetLastWriteTimeUtc(earlierLife, DateTime.UtcNow.AddDays(-1));
            var mine = Touch(ScratchFiles.Name("", ".body"));
            var otherWorker = Touch($"{live.Id}-bbbb.body");
            var unrelated = Touch("notes.body");

            Assert.Equal(2, ScratchFiles.Sweep(_root, "", ".body"));

            Assert.False(File.Exists(orphan));
            Assert.False(File.Exists(earlierLife));
            Assert.True(File.Exists(mine));
            Assert.True(File.Exists(otherWorker));
            Assert.True(File.Exists(unrelated));
        }
        finally
        {
            live.Kill();
        }
    }

    [Fact]
    public async Task The_archive_sweeps_a_staging_file_left_by_a_killed_worker_on_its_first_store()
    {
        var archive = new ContentAddressedArchive(Path.Combine(_root, "archive"));
        var staging = Directory.CreateDirectory(Path.Combine(_root, "archive", "sha256", "incoming")).FullName;
        var left = Path.Combine(staging, $".{await ExitedProcessIdAsync()}-0123456789abcdef.part");
        await File.WriteAllBytesAsync(left, new byte[4096]);

        var body = await archive.StoreAsync(new MemoryStream("年度报告"u8.ToArray()), null, default);

        Assert.True(archive.Contains(body.Sha256));
        Assert.Empty(Directory.GetFiles(staging));
    }

    private string Touch(string name)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, "partial");
        return path;
    }

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
