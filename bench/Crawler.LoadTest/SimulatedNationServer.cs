using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crawler.LoadTest;

/// <summary>
/// Serves a <see cref="SimulatedNation"/> with one Kestrel listener per simulated host on 127.0.0.1 … 127.0.0.250,
/// then 127.0.1.1 … 127.0.1.250 and so on (the whole 127/8 routes to loopback on Linux), so per-host politeness
/// sees distinct hosts. Counts requests, full responses, 304s and body bytes per host, and when each request
/// arrived, from the server's side.
/// </summary>
public sealed class SimulatedNationServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SimulatedNation nation;
    private readonly Dictionary<string, int> hostByAddress;
    private readonly Dictionary<string, string> etags = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentQueue<SimulatedRequest> log = new();
    private long[] requests;
    private List<long>[] arrivals;
    private long fullResponses;
    private long notModified;
    private long bodyBytes;

    private SimulatedNationServer(WebApplication app, SimulatedNation nation, Dictionary<string, int> hostByAddress)
    {
        this.app = app;
        this.nation = nation;
        this.hostByAddress = hostByAddress;
        requests = new long[nation.Hosts.Count];
        arrivals = NewArrivals(nation.Hosts.Count);
    }

    /// <summary>The base URL of each host, by host index.</summary>
    public IReadOnlyList<Uri> HostUrls { get; private set; } = [];

    /// <param name="firstAddress">The address index of host 0 (250 puts the first host on 127.0.1.1).</param>
    public static async Task<SimulatedNationServer> StartAsync(SimulatedNation nation, CancellationToken cancellationToken, int firstAddress = 0)
    {
        if (firstAddress < 0 || firstAddress + nation.Hosts.Count > MaxHosts)
            throw new ArgumentException($"At most {MaxHosts} simulated hosts (127.0.0.1 … 127.0.255.250).", nameof(nation));
        var addresses = Enumerable.Range(firstAddress, nation.Hosts.Count).Select(Address).ToList();
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

    /// <summary>250 addresses in each of 127.0.0.x … 127.0.255.x (x = 1 … 250).</summary>
    public const int MaxHosts = 250 * 256;

    public long Requests => requests.Sum();

    /// <summary>Every request since the start (not reset): which host, which path, and when it arrived (wall clock).</summary>
    public IReadOnlyCollection<SimulatedRequest> Log => log;

    public long MaxRequestsOnOneHost => requests.Max();

    public long FullResponses => Interlocked.Read(ref fullResponses);

    public long NotModified => Interlocked.Read(ref notModified);

    public long BodyBytes => Interlocked.Read(ref bodyBytes);

    /// <summary>The address of host <paramref name="index"/>: 127.0.0.1 for 0, 127.0.0.250 for 249, 127.0.1.1 for 250 …</summary>
    public static string Address(int index) => $"127.0.{index / 250}.{index % 250 + 1}";

    /// <summary>
    /// The shortest time between two requests arriving at the same host since the counters were reset (null when no
    /// host was asked twice): with per-host politeness on, never shorter than the configured delay.
    /// </summary>
    public TimeSpan? MinRequestSpacing()
    {
        TimeSpan? shortest = null;
        foreach (var host in arrivals)
        {
            lock (host)
            {
                for (var i = 1; i < host.Count; i++)
                {
                    var gap = Stopwatch.GetElapsedTime(host[i - 1], host[i]);
                    if (shortest is null || gap < shortest) shortest = gap;
                }
            }
        }
        return shortest;
    }

    public void ResetCounters()
    {
        requests = new long[nation.Hosts.Count];
        arrivals = NewArrivals(nation.Hosts.Count);
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
        var arrived = arrivals[host];
        lock (arrived) arrived.Add(Stopwatch.GetTimestamp());
        var path = context.Request.Path.Value ?? "/";
        log.Enqueue(new SimulatedRequest(host, path, DateTimeOffset.UtcNow));
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

    private static List<long>[] NewArrivals(int hosts) => Enumerable.Range(0, hosts).Select(_ => new List<long>()).ToArray();

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

/// <summary>One request as a simulated host saw it.</summary>
public sealed record SimulatedRequest(int Host, string Path, DateTimeOffset At);
