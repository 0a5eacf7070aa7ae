using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Archiving;

/// <summary>Wires the archive stage: the content-addressed store of originals and the crawl's WARC files, in the data folder.</summary>
public static class ArchivingServices
{
    /// <remarks>Needs <see cref="DataLayout"/> and <see cref="StorageOptions"/> (AddStorage binds them).</remarks>
    public static IServiceCollection AddArchiving(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ContentAddressedArchive(provider.GetRequiredService<DataLayout>().Archive));
        services.TryAddSingleton<IArchivedContent>(provider => provider.GetRequiredService<ContentAddressedArchive>());
        // Nodes sharing the data folder (the PostgreSQL store, or a NodeName given) write WARC files named after themselves.
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var shared = options.Provider == StorageProvider.PostgreSql || !string.IsNullOrWhiteSpace(options.NodeName);
            return new WarcWriterFactory(provider.GetRequiredService<DataLayout>().Warc, provider.GetRequiredService<TimeProvider>(),
                options.WarcMaxFileBytes, shared ? options.Node() : null);
        });
        return services;
    }
}
