using Crawler.Worker.Hosting;
using Crawler.Worker.Status;
using Crawler.Worker.Tests.Compliance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Crawler.Worker.Tests.Status;

/// <summary>
/// The February test site crawled for real into a data directory, the worker's status pages served from it on
/// 127.0.0.1 (real Kestrel, the composition root <c>crawler run</c> uses), and Debian's chromium driven by Playwright
/// (never a downloaded browser).
/// </summary>
public sealed class StatusSite : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("status-page-").FullName;
    private FebruarySite _site = null!;
    private WebApplication _app = null!;
    private IPlaywright _playwright = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string Screenshots => Path.Combine(_directory, "screenshots");

    public static string? Chromium =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, "chromium")).FirstOrDefault(File.Exists);

    public async Task InitializeAsync()
    {
        _site = await FebruarySite.StartAsync();
        var data = Path.Combine(_directory, "data");
        var sources = _site.Sources();
        await FebruaryCrawl.RunAsync(data, sources);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data,
            ["Fetch:ContactUrl"] = "https://example.org/contact",
        });
        builder.Services.AddCrawler(builder.Configuration, sources).AddStatusPages();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapStatusPages();
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Urls.Single());

        Directory.CreateDirectory(Screenshots);
        if (Chromium is not { } chromium) return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A page that records every request it makes, so a test can check nothing left 127.0.0.1.</summary>
    public async Task<(IPage Page, List<string> Requests)> OpenAsync(string path)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, DeviceScaleFactor = 2, Locale = "zh-CN" });
        // Two cores running every test project at once: give each step a minute before it counts as hung.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(60_000);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        var response = await page.GotoAsync(new Uri(BaseUrl, path).ToString());
        Assert.Equal(200, response!.Status);
        return (page, requests);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
        await _site.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // CRAWLER_TEST_SCREENSHOTS=<dir> keeps the screenshots for a person to look at.
        if (Environment.GetEnvironmentVariable("CRAWLER_TEST_SCREENSHOTS") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            foreach (var shot in Directory.GetFiles(Screenshots)) File.Copy(shot, Path.Combine(keep, Path.GetFileName(shot)), overwrite: true);
        }
        Directory.Delete(_directory, recursive: true);
    }
}
