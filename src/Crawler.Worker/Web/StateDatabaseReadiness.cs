using Crawler.Pipeline.Storage;

namespace Crawler.Worker.Web;

/// <summary>Ready when the state database answers a query (the outbox lives there, so this reads its depth).</summary>
public sealed class StateDatabaseReadiness : IReadinessCheck
{
    private readonly IOutbox _outbox;

    public StateDatabaseReadiness(IOutbox outbox) => _outbox = outbox;

    public string Name => "stateDatabase";

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var pending = await _outbox.PendingByTopicAsync(cancellationToken).ConfigureAwait(false);
            return new ReadinessResult(true, $"ok, {pending.Values.Sum()} queued");
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception)
        {
            return new ReadinessResult(false, exception.Message);
        }
    }
}
