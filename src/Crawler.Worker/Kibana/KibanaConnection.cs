using System.Net.Http.Headers;
using System.Net.Security;
using System.Text;
using Crawler.Pipeline.Indexing;

namespace Crawler.Worker.Kibana;

/// <summary>
/// The HttpClient for Kibana's REST API: base address, credentials (an Elasticsearch API key or basic auth), the
/// kbn-xsrf header Kibana requires on writes and, with a CA file, trust in that CA only (as for Elasticsearch).
/// </summary>
public static class KibanaConnection
{
    public static HttpClient Create(KibanaOptions options)
    {
        var url = options.Url ?? throw new InvalidOperationException("Kibana:Url is not configured.");
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(10) };
        if (!string.IsNullOrEmpty(options.CaCertificatePath))
        {
            var authorities = ElasticsearchClientFactory.LoadCertificates(options.CaCertificatePath);
            if (authorities.Count == 0) throw new InvalidOperationException($"Kibana:CaCertificatePath '{options.CaCertificatePath}' holds no PEM certificate.");
            var trusted = ElasticsearchClientFactory.TrustOnly(authorities);
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => trusted(sender, certificate, chain, errors) };
        }
        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(url.AbsoluteUri.TrimEnd('/') + "/"), Timeout = options.RequestTimeout };
        if (!string.IsNullOrEmpty(options.ApiKey)) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        else if (!string.IsNullOrEmpty(options.Username))
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.Add("kbn-xsrf", "true");
        return http;
    }
}
