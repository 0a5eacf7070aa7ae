using System.Diagnostics;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Tests.SimulatedWeb;
using Microsoft.AspNetCore.Http;

namespace Crawler.Pipeline.Tests.Hostile;

/// <summary>Servers on 127.0.0.1 whose robots.txt, status codes and silences try to break the fetcher.</summary>
public sealed class HostileFetchTests : IAsyncLifetime
{
    private SimulatedGovWeb web = null!;

    public async Task InitializeAsync() => web = await SimulatedGovWeb.StartAsync();

    public async Task DisposeAsync() => await web.DisposeAsync();

    private Source Site => web.Agency("hostile", "测试局", "/");

    private static Task Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/robots.txt")]
    [InlineData("file:///etc/passwd")]
    public async Task A_robots_txt_redirecting_outside_http_makes_the_site_unreachable_for_now_without_throwing(string target)
    {
        web.Map("/robots.txt", c => Redirect(c, target));
        using var rig = new CrawlerRig();

        var response = await rig.FetchAsync(Site, web.Url("/haidong/files/hd2023.txt"));

        Assert.Contains($"robots.txt redirects to {new Uri(target).Scheme}:", response.Error);
        Assert.Contains("nothing is fetched from it until robots.txt can be read", response.Error);
        Assert.Equal(0, web.HitsOn("/haidong/files/hd2023.txt"));
    }

    [Fact]
    public async Task A_crawl_pass_goes_on_past_a_robots_txt_redirecting_to_ftp()
    {
        web.Map("/robots.txt", c => Redirect(c, "ftp://127.0.0.1/robots.txt"));
        using var rig = new CrawlerRig();

        var results = await rig.CrawlAsync(web.Agency("a", "聊城市商务局", "/trs/zfxxgknb/index.html"), web.Agency("b", "海东市政府", "/haidong/"));

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Contains(r.Problems, p => p.Error.Contains("robots.txt redirects to ftp:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Up_to_five_robots_redirects_are_followed()
    {
        // robots.txt → robots-1 → … → robots-5: five redirects.
        for (var i = 1; i < 5; i++)
        {
            var next = i + 1;
            web.Map($"/robots-{i}.txt", c => Redirect(c, $"/robots-{next}.txt"));
        }
        web.Map("/robots.txt", c => Redirect(c, "/robots-1.txt"));
        web.Map("/robots-5.txt", c => Served.List(c, "User-agent: *\nDisallow: /haidong/\n", contentType: "text/plain"));
        using var rig = new CrawlerRig();

        var response = await rig.FetchAsync(Site, web.Url("/haidong/files/hd2023.txt"));

        Assert.Equal($"disallowed by robots.txt of 127.0.0.1:{web.BaseUrl.Port}", response.Error);
        Assert.Equal(1, web.HitsOn("/robots-5.txt"));
    }

    [Theory]
    [InlineData(404, true)]
    [InlineData(410, true)]
    [InlineData(500, false)]
    [InlineData(503, false)]
    public async Task A_robots_txt_error_allows_all_on_4xx_and_disallows_all_on_5xx(int status, bool fetched)
    {
        web.Map("/robots.txt", c =>
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        using var rig = new CrawlerRig(CrawlerRig.Fast with { MaxRetries = 0 });

        var response = await rig.FetchAsync(Site, web.Url("/haidong/files/hd2023.txt"));

        Assert.Equal(fetched, response.Error is null);
        Assert.Equal(fetched ? 1 : 0, web.HitsOn("/haidong/files/hd2023.txt"));
        if (!fetched) Assert.Contains($"HTTP {status}", response.Error);
    }

    [Fact]
    public async Task A_bare_304_to_a_request_without_validators_is_not_unchanged()
    {
        web.Map("/bare-304.html", c =>
        {
            c.Response.StatusCode = 304;
            return Task.CompletedTask;
        });
        using var rig = new CrawlerRig();

        var response = await rig.Fetcher.FetchAsync(new FetchRequest(Site, web.Url("/bare-304.html")) { Conditional = true }, CancellationToken.None);

        Assert.False(response.Error is null);
        Assert.Contains("HTTP 304 Not Modified to a request that carried no validators", response.Error);
    }

    [Fact]
    public async Task Retry_after_pauses_the_whole_server_for_every_source()
    {
        var first = true;
        web.Map("/busy.html", c =>
        {
            if (!first) return Served.Html(c, "<html><title>ok</title></html>");
            first = false;
            c.Response.StatusCode = 503;
            c.Response.Headers.RetryAfter = "2";
            return Task.CompletedTask;
        });
        using var rig = new CrawlerRig(CrawlerRig.Fast with { MaxRetries = 0, MaxRetryAfter = TimeSpan.FromSeconds(30) });

        var busy = await rig.FetchAsync(Site, web.Url("/busy.html"));
        var asked = Stopwatch.GetTimestamp();
        var other = await rig.FetchAsync(web.Agency("other", "另一局", "/"), web.Url("/haidong/files/hd2023.txt"));
        var waited = Stopwatch.GetElapsedTime(asked);

        Assert.Equal("HTTP 503 Service Unavailable", busy.Error);
        Assert.Null(other.Error);
        Assert.True(waited >= TimeSpan.FromSeconds(1.9), $"the other source's request went {waited.TotalSeconds:0.00} s after a Retry-After of 2 s");
    }

    [Fact]
    public async Task A_retry_after_beyond_the_maximum_is_not_shortened_but_reported()
    {
        web.Map("/later.html", c =>
        {
            c.Response.StatusCode = 429;
            c.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        });
        using var rig = new CrawlerRig(CrawlerRig.Fast with { MaxRetryAfter = TimeSpan.FromMinutes(10) });

        var response = await rig.FetchAsync(Site, web.Url("/later.html"));
        var next = await rig.FetchAsync(Site, web.Url("/haidong/files/hd2023.txt"));

        Assert.Equal("HTTP 429 Too Many Requests; the server asked not to be contacted for 3600 s (Retry-After), more than Fetch:MaxRetryAfter (600 s): not fetched in this pass", response.Error);
        Assert.Equal(1, web.HitsOn("/later.html"));
        // The server is not asked again before the hour it named is up.
        Assert.Contains("(Retry-After), more than Fetch:MaxRetryAfter (600 s)", next.Error);
        Assert.Equal(0, web.HitsOn("/haidong/files/hd2023.txt"));
    }

    [Fact]
    public async Task A_server_that_never_answers_costs_at_most_the_stall_budget_in_all()
    {
        web.Map("/never.html", async c => await Task.Delay(Timeout.Infinite, c.RequestAborted));
        web.Map("/never-2.html", async c => await Task.Delay(Timeout.Infinite, c.RequestAborted));
        var fetch = CrawlerRig.Fast with
        {
            RequestTimeout = TimeSpan.FromSeconds(1),
            MaxHostStall = TimeSpan.FromSeconds(2.5),
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        };
        using var rig = new CrawlerRig(fetch);
        var started = Stopwatch.GetTimestamp();

        var first = await rig.FetchAsync(Site, web.Url("/never.html"));
        var second = await rig.FetchAsync(Site, web.Url("/never-2.html"));
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.Contains("in all without answering; abandoned for 60 min (Fetch:MaxHostStall)", first.Error);
        Assert.Contains("kept the crawler waiting", second.Error);
        Assert.Equal(0, web.HitsOn("/never-2.html"));
        // 1 s + 1 s + 0.5 s of waiting, not 4 × 1 s per URL.
        Assert.True(elapsed < TimeSpan.FromSeconds(6), $"took {elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task The_pass_budget_ends_a_crawl_stuck_on_a_server_that_never_answers_and_reports_it()
    {
        web.Map("/stuck/index.html", async c => await Task.Delay(Timeout.Infinite, c.RequestAborted));
        // A request timeout and a stall budget far beyond the pass: only the pass budget can end this crawl in time.
        using var rig = new CrawlerRig(CrawlerRig.Fast with { RequestTimeout = TimeSpan.FromMinutes(3), MaxHostStall = TimeSpan.FromMinutes(4) });
        var started = Stopwatch.GetTimestamp();

        var result = await rig.KeepAllAsync(rig.Crawler.Discover(web.Agency("stuck", "测试局", "/stuck/index.html"), default,
            passEndsAt: DateTimeOffset.UtcNow.AddSeconds(1.5)));
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.True(elapsed < TimeSpan.FromSeconds(6), $"took {elapsed.TotalSeconds:0.0} s");
        var problem = Assert.Single(result.Problems);
        Assert.Equal((web.Url("/stuck/index.html"), "abandoned when the crawl pass reached its time budget (Crawl:MaxPassDuration)"), (problem.Url, problem.Error));
        Assert.Equal("the crawl pass reached its time budget; 1 URL(s) still waiting, from " + web.Url("/stuck/index.html") + ", are left for the next crawl (Crawl:MaxPassDuration)",
            Assert.Single(result.LimitsReached));
    }

    [Fact]
    public async Task The_source_budget_ends_a_request_in_flight_too()
    {
        web.Map("/stuck/index.html", async c => await Task.Delay(Timeout.Infinite, c.RequestAborted));
        using var rig = new CrawlerRig(CrawlerRig.Fast with { RequestTimeout = TimeSpan.FromMinutes(3), MaxHostStall = TimeSpan.FromMinutes(4) },
            new Crawler.Pipeline.Discovery.DiscoveryOptions { MaxSourceDuration = TimeSpan.FromSeconds(1.5) });
        var started = Stopwatch.GetTimestamp();

        var results = await rig.CrawlAsync(web.Agency("stuck", "测试局", "/stuck/index.html"));
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.True(elapsed < TimeSpan.FromSeconds(6), $"took {elapsed.TotalSeconds:0.0} s");
        Assert.Equal("abandoned when the source's crawl reached its time budget (Discovery:MaxSourceDuration)", Assert.Single(results[0].Problems).Error);
        Assert.Contains("(Discovery:MaxSourceDuration)", Assert.Single(results[0].LimitsReached));
    }
}
