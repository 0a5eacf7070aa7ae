using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Tests.Notification;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) that records every request and answers with
/// scripted replies per path, then with the path's standing reply (by default 200 {"errcode":0,"errmsg":"ok"}).
/// </summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body)>> _scripted = new();
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _standing = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _stalls = new();

    private RecordingServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public IReadOnlyList<RecordedRequest> To(string path) => _requests.Where(r => r.Path == path).ToList();

    public static async Task<RecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordingServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    /// <summary>The next requests to <paramref name="path"/> get these replies, in order.</summary>
    public void Script(string path, params (int Status, string Body)[] replies)
    {
        var queue = _scripted.GetOrAdd(path, _ => new ConcurrentQueue<(int, string)>());
        foreach (var reply in replies) queue.Enqueue(reply);
    }

    public void Always(string path, int status, string body) => _standing[path] = (status, body);

    /// <summary>Requests to <paramref name="path"/> wait this long before the reply (a slow or hung endpoint).</summary>
    public void Stall(string path, TimeSpan delay) => _stalls[path] = delay;

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path.Value ?? "";
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            path,
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body));

        if (_stalls.TryGetValue(path, out var stall))
        {
            try
            {
                await Task.Delay(stall, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        var (status, reply) = _scripted.TryGetValue(path, out var queue) && queue.TryDequeue(out var next)
            ? next
            : _standing.GetValueOrDefault(path, (200, """{"errcode":0,"errmsg":"ok"}"""));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
