using Crawler.Extraction;
using Crawler.Pipeline;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Worker.Cli;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crawler.Worker.Hosting;

/// <summary>
/// The one place where the command line builds its services: the session's logging (stderr or --log, levels,
/// timestamps) and the parts of the pipeline a command needs, each from its own <c>AddX</c>. <c>crawler run</c> adds
/// the same onto its web host's collection; every other command builds a provider here.
/// </summary>
internal static class CommandServices
{
    public static IServiceCollection AddCommandServices(this IServiceCollection services, IConfiguration configuration, CommandSession session,
        CommandNeeds needs, IReadOnlyList<Source>? sources = null, bool longRunning = false, bool timestamps = false)
    {
        services.AddLogging(logging => session.ConfigureLogging(logging, configuration, longRunning, timestamps));
        services.TryAddSingleton(configuration);
        services.TryAddSingleton(session);
        if (needs.HasFlag(CommandNeeds.Pipeline)) return services.AddCrawler(configuration, sources ?? []);
        if (needs.HasFlag(CommandNeeds.Storage)) services.AddStorage(configuration);
        if (needs.HasFlag(CommandNeeds.Extraction)) services.AddExtraction(configuration);
        if (needs.HasFlag(CommandNeeds.Crawling)) services.AddCrawling(configuration);
        if (needs.HasFlag(CommandNeeds.Alerts)) services.AddAlerts(configuration);
        if (needs.HasFlag(CommandNeeds.Indexing)) services.AddIndexing(configuration);
        return services;
    }

    /// <summary>A provider for one command; invalid options (ValidateOnStart) fail here, before any work, as a usage error.</summary>
    public static ServiceProvider Build(IConfiguration configuration, CommandSession session, CommandNeeds needs, IReadOnlyList<Source>? sources = null,
        Action<IServiceCollection>? more = null, bool longRunning = false)
    {
        var services = new ServiceCollection().AddCommandServices(configuration, session, needs, sources, longRunning);
        more?.Invoke(services);
        var provider = services.BuildServiceProvider();
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>The configuration (appsettings.json, environment) with the data folder of <c>--data</c> and, for readers, read-only storage.</summary>
    public static IConfiguration Configuration(string? dataDirectory, bool readOnly = false, IReadOnlyDictionary<string, string?>? more = null)
    {
        var overrides = new Dictionary<string, string?>();
        if (dataDirectory is not null) overrides[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = dataDirectory;
        if (readOnly) overrides[$"{StorageOptions.SectionName}:{nameof(StorageOptions.ReadOnly)}"] = "true";
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) overrides[key] = value;
        return CrawlerConfiguration.Build(overrides);
    }
}
