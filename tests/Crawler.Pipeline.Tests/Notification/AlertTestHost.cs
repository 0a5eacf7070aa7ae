using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Pipeline.Tests.Notification;

/// <summary>
/// The alert services as the worker wires them (AddAlerts), over a real SQLite outbox file and a
/// hand-moved clock. Disposing and building again on the same file is a worker restart.
/// </summary>
internal sealed class AlertTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public AlertTestHost(string databasePath, ManualClock clock, IReadOnlyDictionary<string, string?> settings, IReportCatalog? catalog = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IOutbox>(new SqliteOutbox($"Data Source={databasePath}", clock));
        services.AddSingleton(catalog ?? new InTestCatalog());
        services.AddAlerts(configuration);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IServiceProvider Services => _provider;

    public IOutbox Outbox => _provider.GetRequiredService<IOutbox>();

    public AlertDispatcher Dispatcher => _provider.GetRequiredService<AlertDispatcher>();

    public IReportVersionObserver Observer => _provider.GetServices<IReportVersionObserver>().Single();

    public ChannelHealth Health => _provider.GetRequiredService<ChannelHealth>();

    public MissingReportCheck MissingReports => _provider.GetRequiredService<MissingReportCheck>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
