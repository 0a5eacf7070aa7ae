using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crawler.LoadTest.CrashTest;

/// <summary>
/// A Kestrel server on 127.0.0.1 that records what it is sent, for the crash test: as the alert listener (the
/// webhook channel's receiver: every POST with its Idempotency-Key) or as a stand-in Elasticsearch (every item of
/// every _bulk request, answered as indexed; other calls answered with an empty success). As Elasticsearch 9 it
/// reads gzip request bodies and sends the X-Elastic-Product header, which the official client insists on. Only the
/// cluster is faked — no Elasticsearch can run here; the crawler's client (Elastic.Clients.Elasticsearch) and outbox
/// are the real ones.
/// </summary>
public sealed class LoopbackRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackRecorder(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<AlertDelivery> Alerts { get; } = new();

    public ConcurrentQueue<IndexedDocument> Documents { get; } = new();

    /// <summary>_bulk requests received (a request re-sent after a kill counts again).</summary>
    public int BulkRequests => _bulkRequests;

    private int _bulkRequests;

    public static async Task<LoopbackRecorder> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var recorder = new LoopbackRecorder(builder.Build());
        recorder._app.Run(recorder.HandleAsync);
        await recorder._app.StartAsync(cancellationToken).ConfigureAwait(false);
        recorder.Url = new Uri(recorder._app.Urls.First());
        return recorder;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var gzip = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        using var reader = new StreamReader(gzip ? new System.IO.Compression.GZipStream(context.Request.Body, System.IO.Compression.CompressionMode.Decompress) : context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var path = context.Request.Path.Value ?? "/";
        context.Response.ContentType = "application/json";
        if (!path.StartsWith("/alerts", StringComparison.Ordinal)) context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
        if (path.StartsWith("/alerts", StringComparison.Ordinal))
        {
            Alerts.Enqueue(new AlertDelivery(context.Request.Headers["Idempotency-Key"].ToString(), TimelessJson.Normalize(body)));
            await context.Response.WriteAsync("{}", context.RequestAborted).ConfigureAwait(false);
            return;
        }
        if (path.EndsWith("/_bulk", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _bulkRequests);
            var (items, answer) = BulkAnswer.For(body);
            foreach (var item in items) Documents.Enqueue(item);
            await context.Response.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.WriteAsync("{}", context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
