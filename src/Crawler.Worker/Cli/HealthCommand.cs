using System.CommandLine;
using Crawler.Worker.Web;
using Crawler.Worker.Hosting;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler health</c>: GETs the running worker's /healthz (or /readyz) on 127.0.0.1 — the container's
/// HEALTHCHECK, so the image needs no curl.
/// </summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var port = new Option<int?>("--port") { Description = "The worker's Web:Port (default from configuration, 8080)." };
        var ready = new Option<bool>("--ready") { Description = "Ask /readyz (dependencies) instead of /healthz (liveness)." };
        var command = new Command("health", "Check that the running worker answers (exit 0 when healthy).");
        command.Options.Add(port);
        command.Options.Add(ready);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configured = CrawlerConfiguration.Bind<WebOptions>(CrawlerConfiguration.Build(), WebOptions.SectionName);
            var url = new Uri($"http://127.0.0.1:{parseResult.GetValue(port) ?? configured.Port}/{(parseResult.GetValue(ready) ? "readyz" : "healthz")}");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Console.WriteLine($"{url}: {(int)response.StatusCode} {body.Trim()}");
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                await Console.Error.WriteLineAsync($"{url}: {exception.Message}");
                return 1;
            }
        });
        return command;
    }
}
