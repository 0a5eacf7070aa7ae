namespace Crawler.Pipeline.Indexing;

/// <summary>
/// The section "Elasticsearch". Without <see cref="Url"/> indexing is off and nothing is queued.
/// Environment: <c>Elasticsearch__Url</c>, <c>Elasticsearch__ApiKey</c>, <c>Elasticsearch__Username</c> …
/// </summary>
public sealed record ElasticsearchOptions
{
    public const string SectionName = "Elasticsearch";

    /// <summary>e.g. https://elasticsearch:9200; null disables indexing.</summary>
    public Uri? Url { get; init; }

    /// <summary>The "encoded" value Elasticsearch returns when creating an API key (base64 of id:key).</summary>
    public string? ApiKey { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>A PEM file with the CA that signed the cluster's certificate (e.g. the compose stack's http_ca.crt).</summary>
    public string? CaCertificatePath { get; init; }

    public ChineseAnalyzer Analyzer { get; init; } = ChineseAnalyzer.Cjk;

    /// <summary>The concrete index; a new mapping version gets a new name and the aliases move.</summary>
    public string IndexName { get; init; } = "reports-v1";

    public string TemplateName { get; init; } = "reports";

    /// <summary>Every version of every report.</summary>
    public string Alias { get; init; } = "reports";

    /// <summary>Only the latest version of each report (filtered on isLatest).</summary>
    public string LatestAlias { get; init; } = "reports-latest";

    public int NumberOfShards { get; init; } = 1;

    /// <summary>Documents per _bulk request.</summary>
    public int BatchSize { get; init; } = 200;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts of one request inside a call (whole-request 429/5xx and per-item 429/5xx).</summary>
    public int RequestAttempts { get; init; } = 3;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Outbox attempts before a document is declared dead (outages do not count, only item failures).</summary>
    public int MaxDeliveryAttempts { get; init; } = 10;

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the dispatcher looks for due documents.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    public bool Enabled => Url is not null;
}
