using System.Collections.Concurrent;
using System.Net;
using Crawler.Pipeline.Sources;

namespace Crawler.Pipeline.Fetching;

/// <summary>
/// One HttpClient per source: its own cookie jar (some sites answer the first request with a 302 back to the same
/// URL that sets a cookie), its own certificate policy and its own private-network permission.
/// </summary>
internal sealed class SourceClients(FetchOptions options, NetworkAddressPolicy policy) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<HttpClient>> clients = new(StringComparer.Ordinal);

    public HttpClient For(Source source) =>
        clients.GetOrAdd(Key(source), _ => new Lazy<HttpClient>(() => Create(source))).Value;

    public void Dispose()
    {
        foreach (var client in clients.Values.Where(c => c.IsValueCreated)) client.Value.Dispose();
    }

    private static string Key(Source source) => $"{source.Id}|{source.AllowPrivateNetwork}|{source.IgnoreCertificateErrors}";

    private HttpClient Create(Source source)
    {
        var handler = new SocketsHttpHandler
        {
            // Every hop goes back through the fetcher: robots.txt, the address policy and the redirect limit apply to each.
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 2,
            ConnectCallback = new AddressCheckingConnector(policy, source.AllowPrivateNetwork).ConnectAsync,
        };
        if (source.IgnoreCertificateErrors)
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
