using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crawler.LoadTest;

/// <summary>
/// Serves a <see cref="SimulatedNation"/> with one Kestrel listener per simulated host on 127.0.0.1, 127.0.0.2 …
/// (the whole 127/8 routes to loopback on Linux), so per-host politeness sees distinct hosts. Counts requests,
/// full responses, 304s and body bytes per host, from the server's side.
/// </summary>
public sealed class SimulatedNationServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SimulatedNation nation;
    private readonly Dictionary<string, int> hostByAddress;
    private readonly Dictionary<string, string> etags = new(StringComparer.Ordinal);
    private long[] requests;
    private long fullResponses;
    private long notModified;
    private long bodyBytes;

    private SimulatedNationServer(WebApplication app, SimulatedNation nation, Dictionary<string, int> hostByAddress)
    {
        this.app = app;
        this.nation = nation;
        this.hostByAddress = hostByAddress;
        requests = new long[nation.Hosts.Count];
    }

    /// <summary>The base URL of each host, by host index.</summary>
    public IReadOnlyList<Uri> HostUrls { get; private set; } = [];

    public static async Task<SimulatedNationServer> StartAsync(SimulatedNation nation, CancellationToken cancellationToken)
    {
        if (nation.Hosts.Count > 250) throw new ArgumentException("At most 250 simulated hosts (127.0.0.1 … 127.0.0.250).", nameof(nation));
        var addresses = Enumerable.Range(1, nation.Hosts.Count).Select(k => $"127.0.0.{k}").ToList();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(addresses.Select(a => $"http://{a}:0").ToArray());
        var server = new SimulatedNationServer(builder.Build(), nation, addresses.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i));
        server.app.Run(server.ServeAsync);
        await server.app.StartAsync(cancellationToken).ConfigureAwait(false);
        var urls = server.app.Urls.Select(u => new Uri(u)).ToDictionary(u => u.Host);
        server.HostUrls = addresses.Select(a => urls[a]).ToList();
        return server;
    }

    public long Requests => requests.Sum();

    public long MaxRequestsOnOneHost => requests.Max();

    public long FullResponses => Interlocked.Read(ref fullResponses);

    public long NotModified => Interlocked.Read(ref notModified);

    public long BodyBytes => Interlocked.Read(ref bodyBytes);

    public void ResetCounters()
    {
        requests = new long[nation.Hosts.Count];
        Interlocked.Exchange(ref fullResponses, 0);
        Interlocked.Exchange(ref notModified, 0);
        Interlocked.Exchange(ref bodyBytes, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private Task ServeAsync(HttpContext context)
    {
        var host = hostByAddress.GetValueOrDefault(context.Connection.LocalIpAddress?.MapToIPv4().ToString() ?? IPAddress.Loopback.ToString());
        Interlocked.Increment(ref requests[host]);
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(NetworkFaults.Prefix, StringComparison.Ordinal)) return NetworkFaults.ServeAsync(context, path);
        if (!nation.Hosts[host].TryGetValue(path, out var page))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        var etag = ETag(host, path, page);
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = "Tue, 30 Jan 2024 08:00:00 GMT";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            Interlocked.Increment(ref notModified);
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        Interlocked.Increment(ref fullResponses);
        Interlocked.Add(ref bodyBytes, page.Body.Length);
        context.Response.ContentType = page.ContentType;
        context.Response.ContentLength = page.Body.Length;
        return context.Response.Body.WriteAsync(page.Body, context.RequestAborted).AsTask();
    }

    private string ETag(int host, string path, SimulatedPage page)
    {
        var key = host + path;
        lock (etags)
        {
            if (!etags.TryGetValue(key, out var etag))
                etags[key] = etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(page.Body))[..16] + "\"";
            return etag;
        }
    }
}
