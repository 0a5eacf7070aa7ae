using Crawler.Extraction;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Storage.PostgreSql;
using Crawler.Pipeline.Tests.Processing;
using Crawler.Reports.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crawler.Pipeline.Tests.Storage.Providers;

/// <summary><c>Storage__Provider=PostgreSql</c>: the same views of one store, on the shared database, its schema migrated once at start.</summary>
public sealed class PostgresStorageServicesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("storage-pg-di-").FullName;

    [PostgresFact]
    public async Task AddStorage_with_the_PostgreSql_provider_wires_every_view_to_the_database_and_writes_no_state_db()
    {
        var name = await PostgresStoreUnderTest.CreateDatabaseAsync();
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(StoreUnderTest.PostgresAdmin) { Database = name }.ConnectionString;
            await using (var services = Build(new()
                         {
                             ["Storage:DataDirectory"] = Path.Combine(_root, "data"), ["Storage:Provider"] = "PostgreSql",
                             ["Storage:ConnectionString"] = connectionString, ["Storage:NodeName"] = "worker 1",
                         }))
            {
                var store = services.GetRequiredService<IReportStore>();
                Assert.IsType<PostgresReportStore>(store);
                Assert.Same(store, services.GetRequiredService<IFetchLedger>());
                Assert.Same(store, services.GetRequiredService<IReportCatalog>());
                Assert.IsType<PostgresOutbox>(services.GetRequiredService<IOutbox>());
                Assert.IsType<PostgresReportSearch>(services.GetRequiredService<IReportSearch>());
                Assert.Equal("worker-1", services.GetRequiredService<IOptions<StorageOptions>>().Value.Node());
                Assert.True(await services.GetRequiredService<IOutbox>().EnqueueAsync("index", "k", "{}", default));
                Assert.False(await store.HasReportAsync("x", 2023, default));
                Assert.Empty((await services.GetRequiredService<IReportSearch>().SearchAsync(new SearchQuery("复议"), default)).Hits);
                Assert.Equal(PostgresDatabase.SchemaVersion, await services.GetRequiredService<PostgresDatabase>().CurrentVersionAsync(default));
                Assert.False(File.Exists(Path.Combine(_root, "data", "state.db")));
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresStoreUnderTest.DropDatabaseAsync(name);
        }
    }

    [PostgresFact]
    public async Task Workers_starting_at_once_apply_each_schema_step_once()
    {
        var name = await PostgresStoreUnderTest.CreateDatabaseAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(StoreUnderTest.PostgresAdmin) { Database = name }.ConnectionString;
        var databases = Enumerable.Range(0, 6).Select(_ => new PostgresDatabase(connectionString)).ToList();
        try
        {
            await Task.WhenAll(databases.Select(d => Task.Run(() => d.MigrateAsync(default))));

            await using var connection = await databases[0].OpenAsync(default);
            await using var command = new NpgsqlCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version", connection);
            Assert.Equal(string.Join(',', Enumerable.Range(1, PostgresDatabase.SchemaVersion)), await command.ExecuteScalarAsync());
        }
        finally
        {
            foreach (var database in databases) await database.DisposeAsync();
            await PostgresStoreUnderTest.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public void The_PostgreSql_provider_without_a_connection_string_is_refused_at_start_up_with_the_key_to_set()
    {
        using var services = Build(new() { ["Storage:DataDirectory"] = _root, ["Storage:Provider"] = "PostgreSql" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Storage__ConnectionString", error.Message);
    }

    [Fact]
    public async Task An_unreachable_database_is_reported_with_its_address_not_a_bare_socket_error()
    {
        await using var database = new PostgresDatabase("Host=127.0.0.1;Port=1;Database=crawler;Username=crawler;Timeout=2");

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => database.MigrateAsync(default));
        Assert.Contains("127.0.0.1:1/crawler", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IDocumentExtraction, ScriptedExtraction>()
            .AddSingleton<IReportParser, ReportJsonParser>()
            .AddStorage(configuration)
            .BuildServiceProvider();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
