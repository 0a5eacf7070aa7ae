namespace Crawler.Worker.Kibana;

/// <summary>The section "Kibana", read by <c>crawler kibana setup</c> (environment: Kibana__Url, Kibana__Password …).</summary>
public sealed record KibanaOptions
{
    public const string SectionName = "Kibana";

    public Uri? Url { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>An encoded Elasticsearch API key (Kibana accepts "Authorization: ApiKey …" too).</summary>
    public string? ApiKey { get; init; }

    public string? CaCertificatePath { get; init; }

    /// <summary>A Kibana space id; null is the default space.</summary>
    public string? Space { get; init; }

    /// <summary>Where the saved-objects NDJSON files are; default: the kibana folder beside the binary.</summary>
    public string? AssetsDirectory { get; init; }

    /// <summary>When set, setup also creates a webhook connector and an Elasticsearch-query rule posting to it.</summary>
    public Uri? AlertWebhookUrl { get; init; }

    /// <summary>How often the rule looks for new reports with error findings.</summary>
    public TimeSpan AlertInterval { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
