namespace Crawler.Worker.Hosting;

/// <summary>
/// Where the worker reads its settings: appsettings.json beside the binary, appsettings.{Environment}.json,
/// then environment variables (Storage__DataDirectory, Elasticsearch__Url, Alerts__Webhook__Url …),
/// then the command line's own options on top.
/// </summary>
public static class CrawlerConfiguration
{
    public static IConfigurationRoot Build() => Build(null);

    public static IConfigurationRoot Build(IReadOnlyDictionary<string, string?>? overrides)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
    }

    /// <summary>A section bound to its options record, or the record's defaults when the section is absent.</summary>
    public static T Bind<T>(IConfiguration configuration, string section) where T : new() =>
        configuration.GetSection(section).Get<T>() ?? new T();

    /// <summary>The sources file: --sources, else Sources:File, else config/sources.json in the working directory, else beside the binary.</summary>
    public static string SourcesFile(IConfiguration configuration, string? explicitPath)
    {
        if (explicitPath is not null) return explicitPath;
        if (configuration["Sources:File"] is { Length: > 0 } configured) return configured;
        var local = Path.Combine("config", "sources.json");
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "config", "sources.json");
    }
}
