using Crawler.Pipeline.Tests.Indexing;
using Crawler.Worker.Cli;

namespace Crawler.Worker.Tests.Web;

/// <summary><c>crawler health</c>, the container's HEALTHCHECK, against a real local listener.</summary>
[Collection(EnvironmentCollection.Name)] // writes to the console, which other tests capture
public sealed class HealthCommandTests
{
    [Fact]
    public async Task Health_exits_0_when_healthz_answers_200_and_1_otherwise()
    {
        await using var healthy = await ScriptedHttpServer.StartAsync(r => r.Path == "/healthz" ? (200, "ok") : (404, ""));
        await using var sick = await ScriptedHttpServer.StartAsync(_ => (503, "{\"status\":\"not ready\"}"));

        var ok = await CrawlerCommandLine.Build().Parse(["health", "--port", healthy.Url.Port.ToString()]).InvokeAsync();
        var notReady = await CrawlerCommandLine.Build().Parse(["health", "--ready", "--port", sick.Url.Port.ToString()]).InvokeAsync();

        Assert.Equal(0, ok);
        Assert.Equal(1, notReady);
        Assert.Equal("/healthz", Assert.Single(healthy.Requests).Path);
        Assert.Equal("/readyz", Assert.Single(sick.Requests).Path);
    }

    [Fact]
    public async Task Health_exits_1_when_nothing_listens()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.Equal(1, await CrawlerCommandLine.Build().Parse(["health", "--port", port.ToString()]).InvokeAsync());
    }
}
