using System.Globalization;
using System.Text.Json;

namespace Crawler.Pipeline.Storage;

/// <summary>
/// The one-writer lock of a data folder: <c>writer.lock</c>, held open exclusively (an advisory <c>flock</c> on Linux)
/// for as long as a writer (<c>crawl --once</c>, <c>run</c>) runs, and <c>writer.json</c> beside it saying who holds it
/// (pid, host, since, command). The kernel releases the lock when the holder ends, however it ends (SIGKILL too), so a
/// crashed writer never blocks the next; a stale <c>writer.json</c> is simply overwritten. Readers take no lock.
/// Nodes sharing a folder (the PostgreSQL store, whose state is in the database) each take their own lock,
/// <c>writer-&lt;node&gt;.lock</c> and <c>writer-&lt;node&gt;.json</c>: two workers under one node name (whose WARC files would
/// collide) are refused, workers under different names share the folder.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string LockFileName = "writer.lock";
    public const string HolderFileName = "writer.json";

    private readonly FileStream _lock;
    private readonly string _holderFile;

    private DataFolderLock(FileStream handle, string root, string holderFile)
    {
        _lock = handle;
        Root = root;
        _holderFile = holderFile;
    }

    public string Root { get; }

    /// <summary>Takes the lock, or throws <see cref="DataFolderBusyException"/> naming the writer that holds it.</summary>
    /// <param name="node">The node's own lock in a shared folder (<see cref="StorageOptions.SharedFolderNode"/>); null: the folder's one lock.</param>
    /// <exception cref="DataFolderBusyException">Another writer holds the folder.</exception>
    public static DataFolderLock Acquire(string dataDirectory, string command, DateTimeOffset now, string? node = null)
    {
        var root = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(root);
        var lockPath = Path.Combine(root, NodeFile(LockFileName, node));
        var holderFile = NodeFile(HolderFileName, node);
        FileStream handle;
        // A writer killed a moment ago may still be dying (its lock goes with its last file descriptor): wait a little.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                break;
            }
            catch (Exception e) when (e is UnauthorizedAccessException || (e is IOException && e.HResult == 30))
            {
                throw new StorageUnavailableException(
                    $"数据目录不可写 (the data folder {root} cannot be written: {e.Message}); 抓取需要写入，读命令 reports/search/export/status 仍可用 (crawling writes; the read commands still work)", e);
            }
            catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException) && e.HResult is not 28)
            {
                if (attempt >= 20) throw new DataFolderBusyException(root, Holder(root, node), e);
                Thread.Sleep(100);
            }
        }
        try
        {
            var holder = new DataFolderHolder(Environment.ProcessId, Environment.MachineName, now, command);
            var staging = Path.Combine(root, holderFile + ".tmp");
            File.WriteAllText(staging, JsonSerializer.Serialize(holder, DataFolderHolder.Json));
            File.Move(staging, Path.Combine(root, holderFile), overwrite: true);
            return new DataFolderLock(handle, root, holderFile);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Who holds the folder (or the node's lock in it), as its <c>writer.json</c> says; null when it cannot be read.</summary>
    public static DataFolderHolder? Holder(string dataDirectory, string? node = null)
    {
        try
        {
            return JsonSerializer.Deserialize<DataFolderHolder>(File.ReadAllText(Path.Combine(dataDirectory, NodeFile(HolderFileName, node))), DataFolderHolder.Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>writer.lock, or writer-&lt;node&gt;.lock for a node's own lock.</summary>
    private static string NodeFile(string name, string? node) =>
        node is null ? name : $"{Path.GetFileNameWithoutExtension(name)}-{node}{Path.GetExtension(name)}";

    public void Dispose()
    {
        try
        {
            File.Delete(Path.Combine(Root, _holderFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only or full folder: the next holder overwrites the stale file.
        }
        _lock.Dispose();
    }
}

/// <summary>The writer holding a data folder.</summary>
public sealed record DataFolderHolder(int Pid, string Host, DateTimeOffset Since, string Command)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override string ToString() =>
        $"pid {Pid} on host {Host} since {Since.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC ({Command})";
}

/// <summary>A writer found its data folder held by another writer.</summary>
public sealed class DataFolderBusyException(string root, DataFolderHolder? holder, Exception? inner = null)
    : Exception($"数据目录正被另一个写入进程使用 (the data folder {root} is held by another writer): "
        + (holder?.ToString() ?? "holder unknown (" + DataFolderLock.HolderFileName + " unreadable)")
        + "；等它结束后再试 (try again when it has finished)", inner)
{
    public DataFolderHolder? Holder { get; } = holder;
}
