using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Pipeline.Tests.Notification;

/// <summary>
/// The alert services as the worker wires them (AddAlerts), over the real state database of a data
/// directory (outbox and report catalog in one SQLite file, as AddStorage lays them out) and a
/// hand-moved clock. Disposing and building again on the same directory is a worker restart.
/// </summary>
internal sealed class AlertTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public AlertTestHost(string dataDirectory, ManualClock clock, IReadOnlyDictionary<string, string?> settings)
    {
        var layout = DataLayout.At(dataDirectory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IOutbox>(new SqliteOutbox(layout.ConnectionString, clock));
        services.AddSingleton<IReportCatalog>(new SqliteReportStore(new StateDatabase(layout), clock));
        services.AddAlerts(configuration);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IServiceProvider Services => _provider;

    public IOutbox Outbox => _provider.GetRequiredService<IOutbox>();

    /// <summary>The one outbox dispatcher the worker runs (alerts and index alike).</summary>
    public OutboxDispatcher Dispatcher => _provider.GetRequiredService<OutboxDispatcher>();

    /// <summary>One drain of every alert channel's topic, as a crawl pass ends with.</summary>
    public Task<DispatchSummary> DeliverDueAsync() => Dispatcher.DrainAsync(AlertTopic.Prefix, default);

    public IReportVersionObserver Observer => _provider.GetServices<IReportVersionObserver>().Single();

    public ChannelHealth Health => _provider.GetRequiredService<ChannelHealth>();

    public MissingReportCheck MissingReports => _provider.GetRequiredService<MissingReportCheck>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
