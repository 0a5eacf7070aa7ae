using Crawler.Extraction;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Processing;
using Crawler.Reports.Parsing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Tests.Storage;

public sealed class StorageServicesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("storage-di-").FullName;

    [Fact]
    public async Task AddStorage_wires_one_store_for_every_view_of_it_under_the_configured_directory()
    {
        await using var services = Build(new() { ["Storage:DataDirectory"] = Path.Combine(_root, "data") });

        var store = services.GetRequiredService<IReportStore>();
        Assert.Same(store, services.GetRequiredService<IFetchLedger>());
        Assert.Same(store, services.GetRequiredService<IReportCatalog>());
        Assert.Contains(services.GetServices<IReportVersionObserver>(), o => o is EmbeddedSearchIndexer);
        Assert.NotNull(services.GetRequiredService<DocumentStages>());
        Assert.Equal(Path.Combine(_root, "data", "archive"), services.GetRequiredService<ContentAddressedArchive>().Root);
        Assert.Same(services.GetRequiredService<ContentAddressedArchive>(), services.GetRequiredService<Crawler.Pipeline.Discovery.IArchivedContent>());
        await services.GetRequiredService<IOutbox>().EnqueueAsync("index", "k", "{}", default);
        Assert.False(await store.HasReportAsync("x", 2023, default));
        Assert.True(File.Exists(Path.Combine(_root, "data", "state.db")));
        Assert.Empty((await services.GetRequiredService<IReportSearch>().SearchAsync(new SearchQuery("复议"), default)).Hits);
    }

    [Fact]
    public void An_empty_data_directory_is_refused_at_start_up()
    {
        using var services = Build(new() { ["Storage:DataDirectory"] = "" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("DataDirectory", error.Message);
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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
