using System.Text;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// Checked at start-up, so a typo in a URL, a missing CA file or a mistyped fingerprint stops the worker with one line
/// naming the key before it crawls, instead of surfacing as failed requests hours later.
/// </summary>
public sealed class ElasticsearchOptionsValidator : IValidateOptions<ElasticsearchOptions>
{
    public ValidateOptionsResult Validate(string? name, ElasticsearchOptions options)
    {
        var problems = new List<string>();
        if (options.BindingError is { } binding) problems.Add($"Elasticsearch: {binding}");
        Nodes(options, problems);
        Credentials(options, problems);
        Certificates(options, problems);
        if (options.BatchSize is < 1 or > 10_000) problems.Add($"Elasticsearch:BatchSize must be 1..10000, got {options.BatchSize}.");
        if (options.MaxDeliveryAttempts < 1) problems.Add("Elasticsearch:MaxDeliveryAttempts must be at least 1.");
        if (options.MaxRejectedAttempts < 1) problems.Add("Elasticsearch:MaxRejectedAttempts must be at least 1.");
        if (options.RequestTimeout <= TimeSpan.Zero) problems.Add($"Elasticsearch:RequestTimeout must be positive, got {options.RequestTimeout}.");
        if (options.PollInterval <= TimeSpan.Zero) problems.Add($"Elasticsearch:PollInterval must be positive, got {options.PollInterval}.");
        if (options.MaxRetryDelay < options.PollInterval) problems.Add("Elasticsearch:MaxRetryDelay must be at least Elasticsearch:PollInterval.");
        foreach (var (key, value) in new[] { ("IndexName", options.IndexName), ("Alias", options.Alias), ("LatestAlias", options.LatestAlias), ("TemplateName", options.TemplateName) })
        {
            if (string.IsNullOrWhiteSpace(value) || value != value.ToLowerInvariant() || value.IndexOfAny(['/', '\\', '*', '?', '"', '<', '>', '|', ' ', ',', '#']) >= 0)
                problems.Add($"Elasticsearch:{key} '{value}' is not a valid lowercase index or alias name.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Nodes(ElasticsearchOptions options, List<string> problems)
    {
        var schemes = new HashSet<string>(StringComparer.Ordinal);
        if (options.Url is { } url)
        {
            if (IsHttp(url)) schemes.Add(url.Scheme);
            else problems.Add($"Elasticsearch:Url must be an absolute http(s) URL, got '{url.OriginalString}'.");
        }
        foreach (var node in options.Nodes.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (Uri.TryCreate(node.Trim(), UriKind.Absolute, out var uri) && IsHttp(uri)) schemes.Add(uri.Scheme);
            else problems.Add($"Elasticsearch:Nodes: '{node}' is not an absolute http(s) URL.");
        }
        if (schemes.Count > 1) problems.Add("Elasticsearch:Url/Nodes mix http:// and https://: every node of a cluster uses the same scheme.");
        if (string.IsNullOrWhiteSpace(options.CloudId)) return;
        if (options.Url is not null || options.Nodes.Length > 0)
            problems.Add("Elasticsearch:CloudId cannot be combined with Elasticsearch:Url or Elasticsearch:Nodes: the Cloud id names the deployment's endpoint.");
        if (CloudIdProblem(options.CloudId) is { } cloud) problems.Add($"Elasticsearch:CloudId {cloud}.");
        if (string.IsNullOrEmpty(options.ApiKey) && string.IsNullOrEmpty(options.Username))
            problems.Add("Elasticsearch:CloudId needs Elasticsearch:ApiKey or Elasticsearch:Username/Password: Elastic Cloud always has security on.");
    }

    private static void Credentials(ElasticsearchOptions options, List<string> problems)
    {
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            if (!string.IsNullOrEmpty(options.Username)) problems.Add("Elasticsearch: set either ApiKey or Username/Password, not both.");
            if (!IsEncodedApiKey(options.ApiKey))
                problems.Add("Elasticsearch:ApiKey is not an encoded API key: use the \"encoded\" value of POST /_security/api_key (base64 of id:key).");
        }
        if (!string.IsNullOrEmpty(options.Username) && string.IsNullOrEmpty(options.Password))
            problems.Add("Elasticsearch:Password is required with Elasticsearch:Username.");
        if (string.IsNullOrEmpty(options.Username) && !string.IsNullOrEmpty(options.Password))
            problems.Add("Elasticsearch:Username is required with Elasticsearch:Password.");
    }

    private static void Certificates(ElasticsearchOptions options, List<string> problems)
    {
        var ca = options.CaCertificatePath;
        var fingerprint = options.CertificateFingerprint;
        if (!string.IsNullOrEmpty(ca) && !string.IsNullOrEmpty(fingerprint))
            problems.Add("Elasticsearch: set either CaCertificatePath or CertificateFingerprint, not both.");
        if (!string.IsNullOrEmpty(ca))
        {
            if (!File.Exists(ca)) problems.Add($"Elasticsearch:CaCertificatePath: file '{ca}' does not exist.");
            else if (ElasticsearchClientFactory.LoadCertificates(ca).Count == 0) problems.Add($"Elasticsearch:CaCertificatePath '{ca}' holds no PEM certificate.");
        }
        if (!string.IsNullOrEmpty(fingerprint) && ElasticsearchClientFactory.NormalizeFingerprint(fingerprint) is null)
            problems.Add($"Elasticsearch:CertificateFingerprint must be a SHA-256 fingerprint (64 hex digits, colons allowed), got '{fingerprint}'.");
        var plain = options.NodeUrls.FirstOrDefault(n => n.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (plain is not null && (!string.IsNullOrEmpty(ca) || !string.IsNullOrEmpty(fingerprint)))
            problems.Add($"Elasticsearch: a CA certificate or fingerprint is set but {plain} is plain http: certificates are only checked over https.");
    }

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static bool IsEncodedApiKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) && Encoding.UTF8.GetString(buffer, 0, written).IndexOf(':') > 0;
    }

    /// <summary>A Cloud id is "deployment-name:base64(host$elasticsearch-uuid$kibana-uuid)".</summary>
    private static string? CloudIdProblem(string cloudId)
    {
        var colon = cloudId.IndexOf(':');
        var payload = colon < 0 ? "" : cloudId[(colon + 1)..];
        var buffer = new byte[payload.Length];
        if (colon <= 0 || !Convert.TryFromBase64String(payload, buffer, out var written))
            return "is not a Cloud id: expected <deployment-name>:<base64>, as shown on the deployment's page";
        var parts = Encoding.UTF8.GetString(buffer, 0, written).Split('$');
        return parts.Length >= 2 && parts[0].Length > 0 && parts[1].Length > 0 ? null : "does not decode to <host>$<elasticsearch-id>";
    }
}
