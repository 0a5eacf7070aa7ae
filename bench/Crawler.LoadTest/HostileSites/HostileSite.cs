using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crawler.LoadTest.HostileSites;

/// <summary>
/// One hostile web site on its own loopback address (127.0.9.x, away from the simulated nation's 127.0.0.x hosts),
/// a Kestrel listener whose every request goes to one handler; it records the path of every request it received.
/// </summary>
public sealed class HostileSite : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> requests = new();

    private HostileSite(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri Url(string path) => new(BaseUrl, path);

    /// <summary>Requests received whose path starts with <paramref name="prefix"/>.</summary>
    public int Hits(string prefix) => requests.Count(p => p.StartsWith(prefix, StringComparison.Ordinal));

    public static async Task<HostileSite> StartAsync(string address, Func<HttpContext, Task> serve)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{address}:0");
        // Kestrel's own request body and header limits are not what is measured: a page is as large as the case makes it.
        var site = new HostileSite(builder.Build());
        site.app.Run(context =>
        {
            site.requests.Enqueue(context.Request.Path.Value ?? "/");
            return serve(context);
        });
        await site.app.StartAsync().ConfigureAwait(false);
        site.BaseUrl = new Uri(site.app.Urls.First());
        return site;
    }

    public static Task Html(HttpContext context, string html) => Bytes(context, Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");

    public static Task Bytes(HttpContext context, byte[] body, string contentType)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    public static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>Reads the request and never answers: no status line, no headers, until the client gives up.</summary>
    public static async Task NeverAnswer(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The crawler hung up (or the site is being stopped).
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stopping.Token).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
