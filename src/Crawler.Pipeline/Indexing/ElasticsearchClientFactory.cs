using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Serialization;
using Elastic.Transport;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// The official client configured from <see cref="ElasticsearchOptions"/> (validated first): a node pool (one node,
/// several, or an Elastic Cloud id), API key or basic auth, trust in a private CA or a pinned certificate fingerprint,
/// the request timeout and gzip compression.
/// </summary>
public static class ElasticsearchClientFactory
{
    public static ElasticsearchClient Create(ElasticsearchOptions options) => new(Settings(options));

    public static ElasticsearchClientSettings Settings(ElasticsearchOptions options)
    {
        var credentials = Credentials(options);
        // Report text is Chinese: written as UTF-8, not \uXXXX escapes, it is half the size on the wire.
        var settings = new ElasticsearchClientSettings(Pool(options, credentials),
            (_, clientSettings) => new DefaultSourceSerializer(clientSettings, json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
        if (credentials is not null) settings.Authentication(credentials);
        settings.RequestTimeout(options.RequestTimeout).EnableHttpCompression(options.Compression);
        if (!string.IsNullOrEmpty(options.CaCertificatePath))
        {
            var trusted = TrustOnly(LoadCertificates(options.CaCertificatePath));
            settings.ServerCertificateValidationCallback((sender, certificate, chain, errors) => trusted(sender, certificate, chain, errors));
        }
        else if (!string.IsNullOrEmpty(options.CertificateFingerprint))
        {
            var pinned = Pinned(NormalizeFingerprint(options.CertificateFingerprint)!);
            settings.ServerCertificateValidationCallback((sender, certificate, chain, errors) => pinned(sender, certificate, chain, errors));
        }
        return settings;
    }

    public static NodePool Pool(ElasticsearchOptions options, AuthorizationHeader? credentials)
    {
        if (!string.IsNullOrWhiteSpace(options.CloudId))
        {
            return new CloudNodePool(options.CloudId.Trim(), credentials
                ?? throw new InvalidOperationException("Elasticsearch:CloudId needs Elasticsearch:ApiKey or Elasticsearch:Username/Password."));
        }
        var nodes = options.NodeUrls.Select(n => new Uri(n)).ToList();
        return nodes.Count switch
        {
            0 => throw new InvalidOperationException("Elasticsearch:Url is not configured."),
            1 => new SingleNodePool(nodes[0]),
            _ => new StaticNodePool(nodes),
        };
    }

    /// <summary>Authorization: ApiKey &lt;encoded&gt; or Basic &lt;base64(user:password)&gt;.</summary>
    public static AuthorizationHeader? Credentials(ElasticsearchOptions options)
    {
        if (!string.IsNullOrEmpty(options.ApiKey)) return new ApiKey(options.ApiKey.Trim());
        if (!string.IsNullOrEmpty(options.Username)) return new BasicAuthentication(options.Username, options.Password ?? "");
        return null;
    }

    public static X509Certificate2Collection LoadCertificates(string pemPath)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPemFile(pemPath);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            collection.Clear();
        }
        return collection;
    }

    /// <summary>"AB:CD:…" or "abcd…" → 64 upper-case hex digits; null when it is not a SHA-256 fingerprint.</summary>
    public static string? NormalizeFingerprint(string value)
    {
        var hex = value.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
        return hex.Length == 64 && hex.All(Uri.IsHexDigit) ? hex.ToUpperInvariant() : null;
    }

    /// <summary>
    /// A certificate check that trusts the connection when the server's certificate, or one of the chain it presents
    /// (Elasticsearch sends its HTTP CA), has the pinned SHA-256 fingerprint, and the certificate is issued for the host
    /// name connected to. The system store plays no part.
    /// </summary>
    public static Func<object, X509Certificate?, X509Chain?, SslPolicyErrors, bool> Pinned(string fingerprint) =>
        (_, certificate, chain, errors) =>
        {
            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) return false;
            static string Hash(X509Certificate c) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(c.GetRawCertData()));
            return Hash(certificate) == fingerprint || (chain?.ChainElements.Any(e => Hash(e.Certificate) == fingerprint) ?? false);
        };

    /// <summary>
    /// A certificate check that trusts a chain only when it ends at one of <paramref name="authorities"/> (the
    /// transport's AuthorityIsRoot; the system store plays no part) and — which AuthorityIsRoot does not check — the
    /// certificate is issued for the host name connected to. Kibana's connection uses it too.
    /// </summary>
    public static Func<object, X509Certificate?, X509Chain?, SslPolicyErrors, bool> TrustOnly(X509Certificate2Collection authorities)
    {
        var checks = authorities.Select(ca => CertificateValidations.AuthorityIsRoot(ca)).ToList();
        return (sender, certificate, chain, errors) => certificate is not null && chain is not null
            && !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) && checks.Any(check => check(sender, certificate, chain, errors));
    }
}
