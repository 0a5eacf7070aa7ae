using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Cli;

/// <summary>The services <c>crawler reindex</c> needs: the state store (versions, outbox) and indexing.</summary>
internal static class IndexingServices
{
    public static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(configuration);
        services.AddStorage(configuration);
        services.AddIndexing(configuration);
        return services.BuildServiceProvider();
    }
}
