using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Cli;

/// <summary>The services <c>crawler reindex</c> needs: the state store's outbox and versions, and indexing.</summary>
internal static class IndexingServices
{
    public static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(configuration);
        var dataDirectory = configuration["Storage:DataDirectory"] ?? "data";
        services.TryAddSingleton<IOutbox>(_ =>
        {
            Directory.CreateDirectory(dataDirectory);
            return new SqliteOutbox($"Data Source={Path.Combine(Path.GetFullPath(dataDirectory), "state.db")}", TimeProvider.System);
        });
        services.AddIndexing(configuration);
        services.AddSingleton<Reindexer>();
        return services.BuildServiceProvider();
    }
}
