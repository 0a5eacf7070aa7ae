namespace Crawler.Pipeline.Indexing;

/// <summary>
/// Which index a bulk operation goes to, resolved from the options when it is sent (so a renamed index needs no
/// change to queued messages): the report versions' write alias, or the compliance index.
/// </summary>
public enum IndexTarget
{
    /// <summary>Elasticsearch:Alias (reports): one document per stored report version.</summary>
    Reports,

    /// <summary>Elasticsearch:ComplianceIndexName (crawler-compliance): one document per (source, report year).</summary>
    Compliance,
}
