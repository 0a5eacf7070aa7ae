namespace Crawler.Pipeline.Indexing;

/// <summary>GET _cluster/health: status is green, yellow (replicas unassigned: fine on one node) or red.</summary>
public sealed record ClusterHealth(string ClusterName, string Status, int NumberOfNodes)
{
    public bool IsUsable => Status is "green" or "yellow";
}
