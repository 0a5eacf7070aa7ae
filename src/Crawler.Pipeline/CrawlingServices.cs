using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline;

/// <summary>Wires the crawl side: polite fetching (section "Fetch") and discovery (section "Discovery").</summary>
public static class CrawlingServices
{
    public static IServiceCollection AddCrawling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FetchOptions>().Bind(configuration.GetSection(FetchOptions.SectionName)).ValidateOnStart();
        services.AddOptions<DiscoveryOptions>().Bind(configuration.GetSection(DiscoveryOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FetchOptions>, FetchOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscoveryOptions>, DiscoveryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NetworkAddressPolicy>();
        services.TryAddSingleton<HostGate>();
        services.TryAddSingleton<PoliteFetcher>();
        services.TryAddSingleton<ReportDiscovery>();
        return services;
    }
}
