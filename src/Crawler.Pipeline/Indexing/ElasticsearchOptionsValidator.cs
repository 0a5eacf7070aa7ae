using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Indexing;

/// <summary>Checked at start-up, so a typo in the URL or a missing CA file stops the worker before it crawls.</summary>
public sealed class ElasticsearchOptionsValidator : IValidateOptions<ElasticsearchOptions>
{
    public ValidateOptionsResult Validate(string? name, ElasticsearchOptions options)
    {
        var problems = new List<string>();
        if (options.Url is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
            problems.Add($"Elasticsearch:Url must be an absolute http(s) URL, got '{url}'.");
        if (options.ApiKey is not null && options.Username is not null)
            problems.Add("Elasticsearch: set either ApiKey or Username/Password, not both.");
        if (options.Username is not null && string.IsNullOrEmpty(options.Password))
            problems.Add("Elasticsearch:Password is required with Elasticsearch:Username.");
        if (options.CaCertificatePath is { } ca && !File.Exists(ca))
            problems.Add($"Elasticsearch:CaCertificatePath: file '{ca}' does not exist.");
        if (options.BatchSize is < 1 or > 10_000) problems.Add("Elasticsearch:BatchSize must be 1..10000.");
        if (options.RequestAttempts < 1) problems.Add("Elasticsearch:RequestAttempts must be at least 1.");
        if (options.MaxDeliveryAttempts < 1) problems.Add("Elasticsearch:MaxDeliveryAttempts must be at least 1.");
        if (options.RequestTimeout <= TimeSpan.Zero) problems.Add("Elasticsearch:RequestTimeout must be positive.");
        foreach (var (key, value) in new[] { ("IndexName", options.IndexName), ("Alias", options.Alias), ("LatestAlias", options.LatestAlias), ("TemplateName", options.TemplateName) })
        {
            if (string.IsNullOrWhiteSpace(value) || value != value.ToLowerInvariant() || value.IndexOfAny(['/', '\\', '*', '?', '"', '<', '>', '|', ' ', ',', '#']) >= 0)
                problems.Add($"Elasticsearch:{key} '{value}' is not a valid lowercase index or alias name.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
