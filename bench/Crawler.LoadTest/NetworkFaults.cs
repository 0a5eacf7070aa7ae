using System.Text;
using Crawler.Pipeline.Sources;
using Microsoft.AspNetCore.Http;

namespace Crawler.LoadTest;

/// <summary>
/// Misbehaving agencies served beside the simulated nation (on host 1, under /faults/): a report whose connection
/// is reset, a column answering 429 with Retry-After forever, a report whose Content-Length lies, and an agency
/// whose site is down for the whole run (a closed port). The crawl must finish, the other sources must be
/// unaffected, and each of these sources' summaries must say what happened.
/// </summary>
public static class NetworkFaults
{
    public const string Prefix = "/faults/";

    public static IReadOnlyList<Source> Sources(SimulatedNationServer server) =>
    [
        Source("fault-reset", "连接被重置的县局", new Uri(server.HostUrls[0], "/faults/reset/index.html")),
        Source("fault-429", "限流的县局", new Uri(server.HostUrls[0], "/faults/429/index.html")),
        Source("fault-lying-length", "长度不符的县局", new Uri(server.HostUrls[0], "/faults/lie/index.html")),
        // Port 1 on loopback: nothing listens there, every connection is refused.
        Source("fault-down", "网站宕机的县局", new Uri("http://127.0.0.1:1/gknb/index.html")),
    ];

    public static async Task ServeAsync(HttpContext context, string path)
    {
        switch (path)
        {
            case "/faults/reset/index.html":
            case "/faults/lie/index.html":
                var folder = path.Split('/')[2];
                var list = SimulatedMarkup.List("政府信息公开年报", [($"/faults/{folder}/t20240125_1.html", $"{(folder == "reset" ? "连接被重置的县局" : "长度不符的县局")}2023年政府信息公开工作年度报告")]);
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(list, context.RequestAborted).ConfigureAwait(false);
                break;
            case "/faults/reset/t20240125_1.html":
                context.Abort();
                break;
            case "/faults/lie/t20240125_1.html":
                // Declares 100 kB, sends 1 kB, then drops the connection.
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength = 100_000;
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(new string('年', 400)), context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                context.Abort();
                break;
            case "/faults/429/index.html":
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "1";
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private static Source Source(string id, string agency, Uri start) => new()
    {
        Id = id,
        Agency = agency,
        Region = "模拟省",
        StartUrls = [start.ToString()],
        AllowPrivateNetwork = true,
        Verified = true,
    };
}
