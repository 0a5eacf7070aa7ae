using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// Builds the HttpClient for the cluster: base address, credentials (API key or basic) and, when a CA file is
/// configured, certificate validation against that CA only (the compose stack signs its own certificates).
/// </summary>
public static class ElasticsearchConnection
{
    public static HttpClient CreateClient(ElasticsearchOptions options)
    {
        var url = options.Url ?? throw new InvalidOperationException("Elasticsearch:Url is not configured.");
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (options.CaCertificatePath is { } caPath)
        {
            var authority = LoadCertificateAuthority(caPath);
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, authority),
            };
        }
        var client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = new Uri(url.AbsoluteUri.TrimEnd('/') + "/"),
            Timeout = options.RequestTimeout,
        };
        if (Authorization(options) is { } authorization) client.DefaultRequestHeaders.Authorization = authorization;
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>ApiKey &lt;base64(id:key)&gt; or Basic &lt;base64(user:password)&gt;, as the security docs describe.</summary>
    public static AuthenticationHeaderValue? Authorization(ElasticsearchOptions options)
    {
        if (!string.IsNullOrEmpty(options.ApiKey)) return new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        if (!string.IsNullOrEmpty(options.Username))
        {
            var pair = Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}");
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }
        return null;
    }

    public static X509Certificate2Collection LoadCertificateAuthority(string pemPath)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(pemPath);
        if (collection.Count == 0) throw new InvalidOperationException($"Elasticsearch:CaCertificatePath '{pemPath}' holds no PEM certificate.");
        return collection;
    }

    /// <summary>
    /// Trusts the chain only when it ends at one of the configured CAs (CustomRootTrust: the system store plays no
    /// part), and still requires the host name to match.
    /// </summary>
    public static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection authority)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
