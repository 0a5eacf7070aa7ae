using Crawler.Pipeline.Indexing;

namespace Crawler.Worker.Web;

/// <summary>Ready unless the cluster is red or unreachable (yellow is normal on a single node).</summary>
public sealed class ElasticsearchReadiness : IReadinessCheck
{
    private readonly IReportIndex _index;
    private readonly TimeSpan _timeout;

    public ElasticsearchReadiness(IReportIndex index, WebOptions options)
    {
        _index = index;
        _timeout = options.ReadinessTimeout;
    }

    public string Name => "elasticsearch";

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            var health = await _index.HealthAsync(timeout.Token).ConfigureAwait(false);
            return health.Succeeded
                ? new ReadinessResult(health.Value!.IsUsable, health.Value.Status)
                : new ReadinessResult(false, health.Error!);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ReadinessResult(false, $"no answer within {_timeout.TotalSeconds:0.#} s");
        }
    }
}
