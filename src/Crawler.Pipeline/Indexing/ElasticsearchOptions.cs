namespace Crawler.Pipeline.Indexing;

/// <summary>
/// The section "Elasticsearch". Without a node (<see cref="Url"/>, <see cref="Nodes"/> or <see cref="CloudId"/>)
/// indexing is off and nothing is queued. Environment: <c>Elasticsearch__Url</c>, <c>Elasticsearch__ApiKey</c> …
/// Read through <see cref="ElasticsearchConfiguration"/>, which turns a value that does not parse into a
/// validation error instead of an exception.
/// </summary>
public sealed record ElasticsearchOptions
{
    public const string SectionName = "Elasticsearch";

    /// <summary>e.g. https://es01:9200: one node, or the first of several (see <see cref="Nodes"/>).</summary>
    public Uri? Url { get; init; }

    /// <summary>
    /// More nodes of the same cluster (a node pool: requests go round them, a node that fails is skipped for a while).
    /// <c>Elasticsearch__Nodes=https://es01:9200,https://es02:9200</c> works as well as <c>Elasticsearch__Nodes__0</c>.
    /// </summary>
    public string[] Nodes { get; set; } = [];

    /// <summary>An Elastic Cloud deployment's Cloud id (name:base64); instead of Url/Nodes.</summary>
    public string? CloudId { get; init; }

    /// <summary>The "encoded" value Elasticsearch returns when creating an API key (base64 of id:key).</summary>
    public string? ApiKey { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>A PEM file with the CA that signed the cluster's certificate (e.g. the compose stack's ca.crt, or http_ca.crt).</summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>
    /// SHA-256 fingerprint (hex, colons allowed) of a certificate the cluster presents — the HTTP CA's, as Elasticsearch
    /// prints it at first start, or the node's own: the connection is trusted when the presented chain holds it.
    /// </summary>
    public string? CertificateFingerprint { get; init; }

    public ChineseAnalyzer Analyzer { get; init; } = ChineseAnalyzer.Cjk;

    /// <summary>The concrete index; a new mapping version gets a new name and the aliases move.</summary>
    public string IndexName { get; init; } = "reports-v1";

    public string TemplateName { get; init; } = "reports";

    /// <summary>Every version of every report.</summary>
    public string Alias { get; init; } = "reports";

    /// <summary>Only the latest version of each report (filtered on isLatest).</summary>
    public string LatestAlias { get; init; } = "reports-latest";

    /// <summary>One document per (source, report year): on time, late, missing or of unknown date (the compliance list).</summary>
    public string ComplianceIndexName { get; init; } = "crawler-compliance";

    /// <summary>The index template of <see cref="ComplianceIndexName"/>.</summary>
    public string ComplianceTemplateName { get; init; } = "crawler-compliance";

    public int NumberOfShards { get; init; } = 1;

    /// <summary>Documents per _bulk request.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>Per request (and per node tried).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>gzip request bodies (and accept gzip answers): report text is large and compresses well.</summary>
    public bool Compression { get; init; } = true;

    /// <summary>Attempts before a document that keeps failing (429, 5xx) is declared dead; outages do not count.</summary>
    public int MaxDeliveryAttempts { get; init; } = 10;

    /// <summary>Attempts before a document Elasticsearch rejects (a mapping error) is declared dead.</summary>
    public int MaxRejectedAttempts { get; init; } = 3;

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the dispatcher looks for due documents; also the first backoff step.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Set when a value of the section does not parse (e.g. Compression=yes); reported by the validator.</summary>
    internal string? BindingError { get; set; }

    public bool Enabled => Url is not null || Nodes.Length > 0 || !string.IsNullOrWhiteSpace(CloudId);

    /// <summary>Url then Nodes, as given (the validator checks them).</summary>
    public IReadOnlyList<string> NodeUrls => [.. (Url is null ? Nodes : [Url.OriginalString, .. Nodes]).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct()];
}
