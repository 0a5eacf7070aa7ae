using System.Reflection;
using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Storage.PostgreSql;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Sdk;

namespace Crawler.Pipeline.Tests.Storage.Providers;

/// <summary>
/// One state store of either provider, fresh for one test: a new data directory (SQLite's state.db) or a new database
/// on the throw-away PostgreSQL cluster that tests/run.sh starts (its connection string in <see cref="EnvironmentVariable"/>).
/// </summary>
internal abstract class StoreUnderTest : IAsyncDisposable
{
    public const string EnvironmentVariable = PostgresTestCluster.EnvironmentVariable;
    public const string Sqlite = nameof(StorageProvider.Sqlite);
    public const string PostgreSql = nameof(StorageProvider.PostgreSql);

    public static string? PostgresAdmin => PostgresTestCluster.Admin;

    public static string? PostgresSkipReason => PostgresTestCluster.SkipReason;

    public static async Task<StoreUnderTest> CreateAsync(string provider, TimeProvider? time = null) => provider switch
    {
        Sqlite => new SqliteStoreUnderTest(time ?? TimeProvider.System),
        PostgreSql => await PostgresStoreUnderTest.CreateAsync(time ?? TimeProvider.System),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public abstract IReportStore Store { get; }

    /// <summary>A second store on the same database, as another worker would open it.</summary>
    public abstract IReportStore NewStore();

    public abstract IOutbox Outbox(string node = "node-a");

    public abstract IReportSearch Search(int? rankingCap = null);

    public abstract IReportTexts Texts { get; }

    public abstract ICrawlRunLog RunLog { get; }

    public abstract ICrawlHistory History { get; }

    public abstract IReportStatistics Statistics { get; }

    public abstract ValueTask DisposeAsync();
}

internal sealed class SqliteStoreUnderTest : StoreUnderTest
{
    private readonly TemporaryDataDirectory _data = new();
    private readonly TimeProvider _time;

    public SqliteStoreUnderTest(TimeProvider time)
    {
        _time = time;
        Store = _data.Store(time);
    }

    public override IReportStore Store { get; }

    public override IReportStore NewStore() => new SqliteReportStore(new StateDatabase(_data.Layout), _time);

    public override IOutbox Outbox(string node = "node-a") => new SqliteOutbox(_data.Layout.ConnectionString, _time);

    public override IReportSearch Search(int? rankingCap = null) => new SqliteReportSearch(_data.Database, rankingCap ?? SqliteReportSearch.DefaultRankingCap);

    public override IReportTexts Texts => new SqliteReportSearch(_data.Database);

    public override ICrawlRunLog RunLog => new SqliteCrawlRunLog(_data.Database);

    public override ICrawlHistory History => new SqliteCrawlHistory(_data.Database);

    public override IReportStatistics Statistics => new SqliteReportStatistics(_data.Database);

    public override ValueTask DisposeAsync()
    {
        _data.Dispose();
        return ValueTask.CompletedTask;
    }
}

internal sealed class PostgresStoreUnderTest : StoreUnderTest
{
    private readonly string _name;
    private readonly TimeProvider _time;
    private readonly List<PostgresDatabase> _opened = [];

    private PostgresStoreUnderTest(string name, string connectionString, TimeProvider time)
    {
        _name = name;
        _time = time;
        ConnectionString = connectionString;
        Database = Open();
        Store = new PostgresReportStore(Database, time);
    }

    public string ConnectionString { get; }

    public PostgresDatabase Database { get; }

    public static async Task<PostgresStoreUnderTest> CreateAsync(TimeProvider time)
    {
        var name = await CreateDatabaseAsync();
        var builder = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name };
        return new PostgresStoreUnderTest(name, builder.ConnectionString, time);
    }

    /// <summary>A new empty database on the test cluster; dropped by <see cref="DropDatabaseAsync"/>.</summary>
    public static Task<string> CreateDatabaseAsync() => PostgresTestCluster.CreateDatabaseAsync();

    public static Task DropDatabaseAsync(string name) => PostgresTestCluster.DropDatabaseAsync(name);

    public PostgresDatabase Open()
    {
        var database = new PostgresDatabase(ConnectionString);
        lock (_opened) _opened.Add(database);
        return database;
    }

    public override IReportStore Store { get; }

    public override IReportStore NewStore() => new PostgresReportStore(Open(), _time);

    public override IOutbox Outbox(string node = "node-a") => new PostgresOutbox(Open(), _time, node);

    public override IReportSearch Search(int? rankingCap = null) => new PostgresReportSearch(Database, rankingCap ?? SqliteReportSearch.DefaultRankingCap);

    public override IReportTexts Texts => new PostgresReportSearch(Database);

    public override ICrawlRunLog RunLog => new PostgresCrawlRunLog(Database);

    public override ICrawlHistory History => new PostgresCrawlHistory(Database);

    public override IReportStatistics Statistics => new PostgresReportStatistics(Database);

    public override async ValueTask DisposeAsync()
    {
        foreach (var database in _opened) await database.DisposeAsync();
        await DropDatabaseAsync(_name);
    }
}

/// <summary>The PostgreSQL row of a store theory: skipped with its reason when no cluster is running.</summary>
[DataDiscoverer("Xunit.Sdk.DataDiscoverer", "xunit.core")]
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresRowAttribute : DataAttribute
{
    public override string? Skip
    {
        get => StoreUnderTest.PostgresSkipReason;
        set { }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StoreUnderTest.PostgreSql]];
}

/// <summary>A test that needs the PostgreSQL cluster: skipped with the reason when none is running.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = StoreUnderTest.PostgresSkipReason;
}
