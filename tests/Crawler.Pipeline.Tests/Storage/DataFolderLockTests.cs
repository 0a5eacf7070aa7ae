using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Tests.Storage;

/// <summary>One writer per data folder, or per node when the nodes share it (the PostgreSQL store).</summary>
public sealed class DataFolderLockTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("folder-lock-").FullName;

    [Fact]
    public void Nodes_of_different_names_share_a_folder_and_a_second_writer_under_one_name_is_refused_naming_the_first()
    {
        using var first = DataFolderLock.Acquire(_root, "run", DateTimeOffset.UtcNow, "worker-1");
        using var second = DataFolderLock.Acquire(_root, "run", DateTimeOffset.UtcNow, "worker-2");

        var refused = Assert.Throws<DataFolderBusyException>(() => DataFolderLock.Acquire(_root, "crawl --once", DateTimeOffset.UtcNow, "worker-1"));
        Assert.Equal(("run", Environment.ProcessId), (refused.Holder!.Command, refused.Holder.Pid));
        Assert.True(File.Exists(Path.Combine(_root, "writer-worker-1.json")));
        Assert.True(File.Exists(Path.Combine(_root, "writer-worker-2.json")));
        Assert.False(File.Exists(Path.Combine(_root, DataFolderLock.HolderFileName)));
    }

    [Fact]
    public void Without_a_node_the_folder_has_one_writer()
    {
        using var first = DataFolderLock.Acquire(_root, "run", DateTimeOffset.UtcNow);

        Assert.Throws<DataFolderBusyException>(() => DataFolderLock.Acquire(_root, "crawl --once", DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("Sqlite", null)]
    [InlineData("PostgreSql", "worker-1")]
    public void Only_the_PostgreSql_store_shares_the_folder_between_nodes(string provider, string? node)
    {
        var options = new StorageOptions { Provider = Enum.Parse<StorageProvider>(provider), ConnectionString = "Host=db", NodeName = "worker 1" };

        Assert.Equal(node, options.SharedFolderNode);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
