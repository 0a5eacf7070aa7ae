using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Crawler.Pipeline.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The one <see cref="OutboxDispatcher"/> (a hosted service) over every registered <see cref="IOutboxConsumer"/>.
    /// Indexing and alerting both call this; it registers the loop once. Needs an <see cref="Storage.IOutbox"/>.
    /// </summary>
    public static IServiceCollection AddOutboxDispatcher(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxDispatcher>(sp => sp.GetRequiredService<OutboxDispatcher>()));
        return services;
    }
}
