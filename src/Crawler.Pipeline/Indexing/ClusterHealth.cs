namespace Crawler.Pipeline.Indexing;

/// <summary>
/// GET / and GET _cluster/health: the cluster's name, its Elasticsearch version, and a status of green, yellow
/// (replicas unassigned: fine on one node) or red.
/// </summary>
public sealed record ClusterHealth(string ClusterName, string Status, int NumberOfNodes, string Version)
{
    public bool IsUsable => Status is "green" or "yellow";
}
