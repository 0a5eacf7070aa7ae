using Crawler.Pipeline.Storage;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Tests.Storage;

/// <summary>A fresh data directory with a real state.db, removed after the test.</summary>
internal sealed class TemporaryDataDirectory : IDisposable
{
    public TemporaryDataDirectory()
    {
        Root = Directory.CreateTempSubdirectory("crawler-data-").FullName;
        Layout = DataLayout.At(Root);
        Database = new StateDatabase(Layout);
    }

    public string Root { get; }

    public DataLayout Layout { get; }

    public StateDatabase Database { get; }

    public SqliteReportStore Store(TimeProvider? time = null) => new(Database, time ?? TimeProvider.System);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
