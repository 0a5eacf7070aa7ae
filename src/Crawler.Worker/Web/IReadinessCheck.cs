namespace Crawler.Worker.Web;

/// <summary>One dependency /readyz asks about: the state database, Elasticsearch when configured.</summary>
public interface IReadinessCheck
{
    string Name { get; }

    Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken);
}
