using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crawler.Testing.Elasticsearch;

/// <summary>
/// A real Kestrel server on 127.0.0.1 in front of an <see cref="Elasticsearch9Cluster"/>: no Elasticsearch can run on
/// these machines, so this is what the official client talks to in the tests. Stopping it and starting another on
/// the same port with the same cluster is a cluster that was down and came back with its data.
/// </summary>
internal sealed class Elasticsearch9Server : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Elasticsearch9Server(WebApplication app, Elasticsearch9Cluster cluster, Uri url)
    {
        _app = app;
        Cluster = cluster;
        Url = url;
    }

    public Elasticsearch9Cluster Cluster { get; }

    public Uri Url { get; }

    /// <param name="port">0 for an ephemeral port.</param>
    /// <param name="certificate">Serve HTTPS with this certificate (its private key included).</param>
    /// <param name="chain">Certificates sent after the server's own (an intermediate CA, as Elasticsearch sends its HTTP CA).</param>
    public static async Task<Elasticsearch9Server> StartAsync(Elasticsearch9Cluster? cluster = null, int port = 0, X509Certificate2? certificate = null,
        X509Certificate2Collection? chain = null)
    {
        cluster ??= new Elasticsearch9Cluster();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                if (certificate is not null) listen.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificate = certificate, ServerCertificateChain = chain });
            });
        });
        var app = builder.Build();
        app.Run(cluster.HandleAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var url = new UriBuilder(address) { Host = "127.0.0.1" }.Uri;
        return new Elasticsearch9Server(app, cluster, url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
