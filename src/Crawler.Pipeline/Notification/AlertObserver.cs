using Crawler.Pipeline.Processing;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// Turns each stored report version into its alerts (new report or new version, rule violation) and
/// queues them; announcing the same version again after a crash queues nothing new.
/// </summary>
public sealed class AlertObserver(AlertQueue queue, IOptions<AlertOptions> options, TimeProvider time) : IReportVersionObserver
{
    public async Task OnStoredAsync(StoredReportVersion version, CancellationToken cancellationToken)
    {
        if (!queue.HasChannels) return;
        foreach (var alert in ReportAlerts.For(version, time.GetUtcNow()).Where(a => options.Value.IsEnabled(a.Event)))
        {
            await queue.EnqueueAsync(alert, cancellationToken).ConfigureAwait(false);
        }
    }
}
