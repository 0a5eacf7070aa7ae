using Crawler.Pipeline.Notification.DingTalk;
using Crawler.Pipeline.Notification.Email;
using Crawler.Pipeline.Notification.Feishu;
using Crawler.Pipeline.Notification.WeCom;
using Crawler.Pipeline.Notification.Webhook;
using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Notification;

public static class AlertServiceCollectionExtensions
{
    /// <summary>
    /// Wires the <c>Alerts</c> section: options (validated at start-up), the five channels, the observer
    /// that queues alerts for stored report versions, their delivery through the one outbox dispatcher (a hosted service) and the missing-report
    /// check. Needs an <see cref="Storage.IOutbox"/> (and, for the missing-report check, an
    /// <see cref="Storage.IReportCatalog"/>) registered by the storage stage.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AlertOptions.SectionName);
        services.AddOptions<AlertOptions>()
            .Bind(section)
            // The binder ignores a scalar for an array; Alerts__Events=new-report,missing-report is the natural docker form.
            .PostConfigure(options => options.Events = section["Events"] is { Length: > 0 } list ? [list] : options.Events)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(JsonPost.ClientName);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannel, WebhookChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannel, WeComChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannel, DingTalkChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannel, FeishuChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannel, EmailChannel>());

        services.TryAddSingleton<ChannelHealth>();
        services.TryAddSingleton<AlertQueue>();
        services.TryAddSingleton<AlertObserver>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportVersionObserver, AlertObserver>(sp => sp.GetRequiredService<AlertObserver>()));
        services.TryAddSingleton<MissingReportCheck>();
        services.TryAddSingleton<AlertProbe>();
        // TryAddEnumerable, so calling AddAlerts twice does not deliver every alert twice.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, AlertDelivery>());
        services.AddOutboxDispatcher();
        return services;
    }
}
