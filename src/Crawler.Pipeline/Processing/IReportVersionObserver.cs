namespace Crawler.Pipeline.Processing;

/// <summary>
/// Told of every stored report version, inside processing (index and alerts enqueue their outbox messages
/// here). Must be idempotent: after a crash the same version can be announced again.
/// </summary>
public interface IReportVersionObserver
{
    Task OnStoredAsync(StoredReportVersion version, CancellationToken cancellationToken);
}
