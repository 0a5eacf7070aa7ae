namespace Crawler.Worker.Web;

/// <summary>The section "Web": where the worker serves /healthz, /readyz and /metrics.</summary>
public sealed record WebOptions
{
    public const string SectionName = "Web";

    public int Port { get; init; } = 8080;

    /// <summary>0.0.0.0 in the container (the orchestrator probes from outside); 127.0.0.1 on a workstation.</summary>
    public string BindAddress { get; init; } = "0.0.0.0";

    /// <summary>How long /readyz waits for Elasticsearch before calling it unreachable.</summary>
    public TimeSpan ReadinessTimeout { get; init; } = TimeSpan.FromSeconds(3);

    public string Url => $"http://{BindAddress}:{Port}";
}
