using System.Globalization;
using System.Text;
using Crawler.Pipeline.Sources;
using Crawler.Tests.Shared;
using Crawler.Worker.SampleSite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Tests.Compliance;

/// <summary>
/// A small government web on 127.0.0.1 for the February check: 聊城市商务局 published its 2023 report on 6 February
/// 2024 (its page's PubDate and 发布时间, its URL t20240206_… and its list entry all say so), 鲁山县商务局 on 30 January,
/// and 东阿县商务局 lists no report at all. Every file's Last-Modified is today, as when a CMS re-publishes a site.
/// </summary>
internal sealed class FebruarySite : IAsyncDisposable
{
    public const string LateAgency = "聊城市商务局";
    public const string OnTimeAgency = "鲁山县商务局";
    public const string MissingAgency = "东阿县商务局";

    private readonly WebApplication _app;
    private readonly Dictionary<string, (byte[] Body, string Type)> _pages;

    private FebruarySite(WebApplication app, Dictionary<string, (byte[] Body, string Type)> pages)
    {
        _app = app;
        _pages = pages;
    }

    public Uri BaseUrl => new(_app.Urls.First());

    public static async Task<FebruarySite> StartAsync()
    {
        string Seed(int index) => File.ReadAllText(Directory.GetFiles(RepositoryPaths.Seeds, $"{index:000}_*.txt").Single());
        var pages = new Dictionary<string, (byte[] Body, string Type)>(StringComparer.Ordinal)
        {
            ["/robots.txt"] = Text("User-agent: *\nAllow: /\n", "text/plain; charset=utf-8"),
            ["/liaocheng/gknb/index.html"] = Html(List("政府信息公开年报", ("202402/t20240206_77.html", "聊城市商务局2023年政府信息公开工作年度报告", "2024-02-06"))),
            ["/liaocheng/gknb/202402/t20240206_77.html"] = Html(SeedReportPage.Render("聊城市商务局2023年政府信息公开工作年度报告", Seed(0), new DateOnly(2024, 2, 6))),
            ["/lushan/gknb/index.html"] = Html(List("政府信息公开年报", ("/lushan/art/2024/1/30/art_9_1.html", "鲁山县商务局2023年政府信息公开工作年度报告", "2024-01-30"))),
            ["/lushan/art/2024/1/30/art_9_1.html"] = Html(SeedReportPage.Render("鲁山县商务局2023年政府信息公开工作年度报告", Seed(1), new DateOnly(2024, 1, 30))),
            ["/donge/gknb/index.html"] = Html(List("政府信息公开年报", ("202401/t20240110_3.html", "东阿县商务局2024年政务公开工作要点", "2024-01-10"))),
            ["/donge/gknb/202401/t20240110_3.html"] = Html("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>东阿县商务局2024年政务公开工作要点</title></head><body><p>一、加强主动公开……</p></body></html>"),
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var site = new FebruarySite(app, pages);
        app.Run(site.ServeAsync);
        await app.StartAsync();
        return site;
    }

    /// <summary>The three agencies as sources (loopback, verified), and written as a sources file for <c>--sources</c>.</summary>
    public IReadOnlyList<Source> Sources() =>
    [
        Source("feb-liaocheng-commerce", LateAgency, "山东省聊城市", "/liaocheng/gknb/index.html"),
        Source("feb-lushan-commerce", OnTimeAgency, "河南省平顶山市鲁山县", "/lushan/gknb/index.html"),
        Source("feb-donge-commerce", MissingAgency, "山东省聊城市东阿县", "/donge/gknb/index.html"),
    ];

    public string WriteSourcesFile(string directory)
    {
        var path = Path.Combine(directory, "sources.json");
        var entries = Sources().Select(s =>
            $$"""{ "id": "{{s.Id}}", "agency": "{{s.Agency}}", "region": "{{s.Region}}", "startUrls": ["{{s.StartUrls[0]}}"], "allowPrivateNetwork": true, "verified": true }""");
        File.WriteAllText(path, "{ \"sources\": [\n" + string.Join(",\n", entries) + "\n] }\n");
        return path;
    }

    private Source Source(string id, string agency, string region, string path) => new()
    {
        Id = id, Agency = agency, Region = region, StartUrls = [new Uri(BaseUrl, path).ToString()], AllowPrivateNetwork = true, Verified = true,
    };

    private Task ServeAsync(HttpContext context)
    {
        if (!_pages.TryGetValue(context.Request.Path.Value ?? "/", out var page))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        context.Response.Headers.LastModified = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        context.Response.ContentType = page.Type;
        context.Response.ContentLength = page.Body.Length;
        return context.Response.Body.WriteAsync(page.Body, context.RequestAborted).AsTask();
    }

    private static (byte[], string) Html(string html) => (Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");

    private static (byte[], string) Text(string text, string type) => (Encoding.UTF8.GetBytes(text), type);

    private static string List(string title, params (string Href, string Text, string Date)[] items) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><ul>"
        + string.Concat(items.Select(i => $"<li><a href=\"{i.Href}\" title=\"{i.Text}\">{i.Text}</a><span>{i.Date}</span></li>"))
        + "</ul></body></html>";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
