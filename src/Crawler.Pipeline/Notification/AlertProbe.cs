using System.Globalization;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// Sends one clearly marked test alert straight to every configured channel (not through the outbox),
/// so an operator can check URLs, secrets and robot keywords before the first real report.
/// </summary>
public sealed class AlertProbe(IEnumerable<IAlertChannel> channels, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, DeliveryResult>> SendAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var alert = new AlertEvent
        {
            Event = AlertEventKind.NewReport,
            IdempotencyKey = "test:" + now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            SourceId = "crawler-alerts-test",
            Agency = "测试机关（提醒通道检查）",
            Year = now.ToOffset(AlertText.ChinaStandardTime).Year - 1,
            Title = "测试消息：政府信息公开工作年度报告提醒通道检查，无需处理",
            Findings = [new AlertFinding("TEST", "info", "alerts", "这是一条测试消息，说明提醒通道配置正确")],
            OccurredAt = now,
        };
        var results = new Dictionary<string, DeliveryResult>(StringComparer.Ordinal);
        foreach (var channel in channels.Where(c => c.IsConfigured))
        {
            results[channel.Name] = await channel.SendAsync(alert, cancellationToken).ConfigureAwait(false);
        }
        return results;
    }
}
