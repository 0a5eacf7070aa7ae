using System.Collections.Concurrent;
using System.Diagnostics;
using Crawler.Pipeline.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Tests.SimulatedWeb;

/// <summary>
/// Several agencies' disclosure sites in different CMS families (TRS, Hanweb, gkmlpt, a GBK plain list, a portal
/// whose 年报 column must be discovered), plus hostile corners (loops, endless pagination, trickling and huge
/// bodies, a JavaScript challenge), served by Kestrel on 127.0.0.1 with a random port. It counts every request and
/// how many were in flight at once, so tests can check politeness from the server's side.
/// </summary>
public sealed class SimulatedGovWeb : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Dictionary<string, RequestDelegate> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ServedRequest> requests = new();
    private int inFlight;
    private int maxInFlight;

    private SimulatedGovWeb(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public int MaxConcurrentRequests => Volatile.Read(ref maxInFlight);

    /// <summary>
    /// Every finished request. Reading it first waits (up to 2 s) for requests still in flight: a client may have
    /// read a whole response before the server's handler has returned.
    /// </summary>
    public ConcurrentQueue<ServedRequest> Requests
    {
        get
        {
            SpinWait.SpinUntil(() => Volatile.Read(ref inFlight) == 0, TimeSpan.FromSeconds(2));
            return requests;
        }
    }

    public static async Task<SimulatedGovWeb> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = new SimulatedGovWeb(builder.Build());
        web.app.Use(web.TrackAsync);
        web.app.Run(web.RouteAsync);
        SimulatedAgencies.Map(web);
        HostileCorners.Map(web);
        await web.app.StartAsync();
        web.BaseUrl = new Uri(web.app.Urls.First());
        return web;
    }

    public void Map(string path, RequestDelegate handler) => routes[path] = handler;

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public int HitsOn(string path) => Requests.Count(r => r.Target.Split('?')[0] == path);

    public Source Agency(string id, string agency, params string[] startPaths) => new()
    {
        Id = id,
        Agency = agency,
        StartUrls = startPaths.Select(p => p.StartsWith("http", StringComparison.Ordinal) ? p : Url(p).ToString()).ToList(),
        AllowPrivateNetwork = true,
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task TrackAsync(HttpContext context, RequestDelegate next)
    {
        var now = Interlocked.Increment(ref inFlight);
        for (var max = Volatile.Read(ref maxInFlight); now > max; max = Volatile.Read(ref maxInFlight))
        {
            if (Interlocked.CompareExchange(ref maxInFlight, now, max) == max) break;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            requests.Enqueue(new ServedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, started, Stopwatch.GetTimestamp(), context.Response.StatusCode, context.Request.Headers.UserAgent));
            Interlocked.Decrement(ref inFlight);
        }
    }

    private Task RouteAsync(HttpContext context)
    {
        if (routes.TryGetValue(context.Request.Path.Value ?? "/", out var handler)) return handler(context);
        context.Response.StatusCode = 404;
        return context.Response.WriteAsync("<html><head><title>404</title></head><body>页面不存在</body></html>");
    }
}
