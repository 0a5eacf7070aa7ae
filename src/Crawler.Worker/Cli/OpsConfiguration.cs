using Microsoft.Extensions.Configuration;

namespace Crawler.Worker.Cli;

/// <summary>
/// Configuration for the operations commands (es, kibana, reindex, health): appsettings.json beside the binary,
/// then appsettings.{DOTNET_ENVIRONMENT}.json, then environment variables (Elasticsearch__Url …), as the worker reads it.
/// </summary>
internal static class OpsConfiguration
{
    public static IConfigurationRoot Load()
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
    }

    public static T Bind<T>(IConfiguration configuration, string section) where T : new() =>
        configuration.GetSection(section).Get<T>() ?? new T();
}
