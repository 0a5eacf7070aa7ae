using System.Security.Cryptography;
using Crawler.Pipeline.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.SampleSite;

/// <summary>
/// Serves the bundled sample government site (built from samples/seeds) on 127.0.0.1 with a random port, so that
/// the first command of the README ends with archived, parsed, searchable reports on a machine without internet.
/// </summary>
public sealed class SampleSiteServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private SampleSiteServer(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static string DefaultSeedsDirectory => Path.Combine(AppContext.BaseDirectory, "samples", "seeds");

    /// <summary>
    /// The sample site listens on this loopback port when it is free, so that a second crawl sees the same URLs
    /// and conditional GET (ETag) answers 304 instead of downloading every body again; else on any free port.
    /// </summary>
    public const int PreferredPort = 18631;

    /// <summary>Configuration key: a loopback port the sample site must listen on (no fallback), for runs that need its URLs fixed.</summary>
    public const string PortKey = "SampleSite:Port";

    public static Task<SampleSiteServer> StartAsync(string? seedsDirectory, CancellationToken cancellationToken) =>
        StartAsync(seedsDirectory, port: null, cancellationToken);

    /// <param name="port">
    /// The port to listen on, exactly (a taken port is an error naming it); null for <see cref="PreferredPort"/> when
    /// free, else any free port — then a later crawl may see other URLs and fetch every body again.
    /// </param>
    public static async Task<SampleSiteServer> StartAsync(string? seedsDirectory, int? port, CancellationToken cancellationToken)
    {
        var pages = SampleSitePages.Build(seedsDirectory ?? DefaultSeedsDirectory);
        if (port is { } fixedPort)
        {
            try
            {
                return await StartOnAsync(pages, fixedPort, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                throw new IOException($"示例站点无法监听 127.0.0.1:{fixedPort}（{PortKey}）：{exception.Message} (the sample site's port is taken)", exception);
            }
        }
        try
        {
            return await StartOnAsync(pages, PreferredPort, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The preferred port is taken (another crawl of the sample site is running): any free port will do.
            return await StartOnAsync(pages, 0, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<SampleSiteServer> StartOnAsync(Dictionary<string, SamplePage> pages, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(context => ServeAsync(context, pages));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new SampleSiteServer(app, new Uri(app.Urls.First()));
    }

    /// <summary>The sample agencies as sources pointing at this server (loopback, so allowPrivateNetwork is on).</summary>
    public IReadOnlyList<Source> Sources() =>
    [
        Source("sample-liaocheng-commerce", "聊城市商务局", "山东省聊城市", SampleSitePages.LiaochengColumn),
        Source("sample-lushan-commerce", "鲁山县商务局", "河南省平顶山市鲁山县", SampleSitePages.LushanColumn),
        Source("sample-huancui-commerce", "威海市环翠区商务局", "山东省威海市环翠区", SampleSitePages.HuancuiList),
        Source("sample-liaocheng-office", "聊城市人民政府办公室", "山东省聊城市", SampleSitePages.LiaochengColumn),
        Source("sample-haidong-commerce", "海东市商务局", "青海省海东市", SampleSitePages.HaidongColumn),
    ];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private Source Source(string id, string agency, string region, string path) => new()
    {
        Id = id,
        Agency = agency,
        Region = region,
        StartUrls = [new Uri(BaseUrl, path).ToString()],
        AllowPrivateNetwork = true,
        Verified = true,
    };

    private static Task ServeAsync(HttpContext context, Dictionary<string, SamplePage> pages)
    {
        if (!pages.TryGetValue(context.Request.Path.Value ?? "/", out var page))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(page.Body))[..16] + "\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = "Tue, 30 Jan 2024 08:00:00 GMT";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        context.Response.ContentType = page.ContentType;
        context.Response.ContentLength = page.Body.Length;
        return context.Response.Body.WriteAsync(page.Body, context.RequestAborted).AsTask();
    }
}
