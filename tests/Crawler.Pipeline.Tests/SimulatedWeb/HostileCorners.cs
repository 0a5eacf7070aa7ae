using System.Text;
using Microsoft.AspNetCore.Http;

namespace Crawler.Pipeline.Tests.SimulatedWeb;

/// <summary>Pages that try to keep a crawler forever or make it misbehave.</summary>
public static class HostileCorners
{
    public const string EndlessList = "/endless/1.html";
    public const string CrowdedList = "/crowded/index.html";
    public const int CrowdedItems = 5000;

    public static void Map(SimulatedGovWeb web)
    {
        web.Map("/loop/a", c => Redirect(c, "/loop/b"));
        web.Map("/loop/b", c => Redirect(c, "/loop/a"));
        web.Map("/redirect", c => Redirect(c, c.Request.Query["to"].ToString()));
        web.Map("/flaky-forever", c =>
        {
            c.Response.StatusCode = 503;
            c.Response.Headers.RetryAfter = "0";
            return Task.CompletedTask;
        });

        // Every page links the next one: infinite pagination.
        for (var i = 1; i <= 500; i++)
        {
            var page = i;
            web.Map($"/endless/{page}.html", c => Served.List(c, Served.ListPage($"第{page}页", [], $"<a href=\"{page + 1}.html\">下一页</a>")));
        }

        web.Map(CrowdedList, c => Served.List(c, Served.ListPage("年报", Enumerable.Range(1, CrowdedItems)
            .Select(i => ($"/crowded/t{i}.html", $"某局2023年政府信息公开工作年度报告（第{i}号）")))));
        web.Map("/crowded/t1.html", c => Served.Html(c, "<html><title>某局2023年政府信息公开工作年度报告</title></html>"));

        web.Map("/trickle", async c =>
        {
            c.Response.ContentType = "text/html";
            for (var i = 0; i < 200 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.Body.WriteAsync("<"u8.ToArray(), c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
                await Task.Delay(50, c.RequestAborted);
            }
        });
        web.Map("/silent", async c =>
        {
            await c.Response.Body.WriteAsync("<html>"u8.ToArray(), c.RequestAborted);
            await c.Response.Body.FlushAsync(c.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(20), c.RequestAborted);
        });

        // 2 GB generated on the fly, chunked: neither side may hold it in memory.
        web.Map("/huge", async c =>
        {
            c.Response.ContentType = "application/pdf";
            var block = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (long sent = 0; sent < 2L * 1024 * 1024 * 1024 && !c.RequestAborted.IsCancellationRequested; sent += block.Length)
                await c.Response.Body.WriteAsync(block, c.RequestAborted);
        });
        web.Map("/huge-declared", c =>
        {
            c.Response.ContentType = "application/pdf";
            c.Response.ContentLength = 2L * 1024 * 1024 * 1024;
            return c.Response.Body.WriteAsync(new byte[1024], c.RequestAborted).AsTask();
        });
    }

    private static Task Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
