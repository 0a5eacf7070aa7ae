using Crawler.Pipeline.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Web;

public static class CrawlerWebServiceCollectionExtensions
{
    /// <summary>Binds "Web", registers the metrics, the Prometheus exposition and the state database readiness check.</summary>
    public static IServiceCollection AddCrawlerWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.SectionName))
            .Validate(o => o.Port is > 0 and < 65536, "Web:Port must be 1..65535.")
            .Validate(o => System.Net.IPAddress.TryParse(o.BindAddress, out _) || o.BindAddress == "localhost", "Web:BindAddress must be an IP address (0.0.0.0, 127.0.0.1) or localhost.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<WebOptions>>().Value);
        services.TryAddSingleton<CrawlerMetrics>();
        services.TryAddSingleton<PrometheusExposition>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessCheck, StateDatabaseReadiness>());
        return services;
    }

    /// <summary>Serves on Web:BindAddress:Web:Port (default 0.0.0.0:8080).</summary>
    public static WebApplicationBuilder UseCrawlerWebAddress(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();
        builder.WebHost.UseUrls(options.Url);
        return builder;
    }
}
