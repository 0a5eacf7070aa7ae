using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Tests.Indexing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 that records every request and answers from a script: Kibana and the worker's
/// own endpoints in tests. Elasticsearch is Crawler.Testing.Elasticsearch.Elasticsearch9Server.
/// </summary>
internal sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<RecordedRequest, int, Task<(int Status, string Body)>> _respond;

    private ScriptedHttpServer(WebApplication app, Func<RecordedRequest, int, Task<(int Status, string Body)>> respond)
    {
        _app = app;
        _respond = respond;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri Url { get; private set; } = null!;

    /// <param name="respond">Gets the request and its 0-based index among all requests received.</param>
    public static async Task<ScriptedHttpServer> StartAsync(Func<RecordedRequest, int, Task<(int Status, string Body)>> respond, int port = 0,
        X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (certificate is null) builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        else builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var server = new ScriptedHttpServer(app, respond);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address);
        return server;
    }

    public static Task<ScriptedHttpServer> StartAsync(Func<RecordedRequest, (int Status, string Body)> respond, int port = 0) =>
        StartAsync((request, _) => Task.FromResult(respond(request)), port);

    private int _count;

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), buffer.ToArray());
        var index = Interlocked.Increment(ref _count) - 1;
        Requests.Enqueue(request);
        var (status, body) = await _respond(request, index);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (context.Request.Method != "HEAD") await context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
