using System.Diagnostics;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Tests.SimulatedWeb;

namespace Crawler.Pipeline.Tests.Fetching;

public sealed class PoliteFetcherTests : IAsyncLifetime
{
    private SimulatedGovWeb web = null!;

    public async Task InitializeAsync() => web = await SimulatedGovWeb.StartAsync();

    public async Task DisposeAsync() => await web.DisposeAsync();

    private Source Trusted => web.Agency("test", "测试局", "/");

    private Source Untrusted => Trusted with { AllowPrivateNetwork = false };

    [Fact]
    public async Task Redirect_loop_stops_at_the_redirect_limit()
    {
        using var rig = new CrawlerRig(CrawlerRig.Fast with { MaxRedirects = 5 });
        var response = await rig.FetchAsync(Trusted, web.Url("/loop/a"));

        Assert.Contains("too many redirects (more than 5)", response.Error);
        Assert.Null(response.BodyFile);
        Assert.Equal(6, web.HitsOn("/loop/a") + web.HitsOn("/loop/b"));
    }

    [Fact]
    public async Task Loopback_server_is_refused_before_connecting_when_the_source_does_not_allow_private_networks()
    {
        using var rig = new CrawlerRig();
        var response = await rig.FetchAsync(Untrusted, web.Url("/trs/zfxxgknb/index.html"));

        Assert.Contains("127.0.0.1 is a loopback address", response.Error);
        Assert.Contains("allowPrivateNetwork", response.Error);
        Assert.Empty(web.Requests);
    }

    [Theory]
    [InlineData("http://10.0.0.1/report.html", "private (10.0.0.0/8)")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://[::ffff:10.0.0.1]/x", "private (10.0.0.0/8)")]
    [InlineData("http://[fd00::1]/x", "unique-local")]
    [InlineData("http://100.64.0.1/x", "carrier-grade NAT")]
    public async Task Redirect_to_a_private_address_is_refused_before_connecting(string target, string kind)
    {
        using var rig = new CrawlerRig(policy: CrawlerRig.LoopbackServerOnly);
        var started = Stopwatch.GetTimestamp();
        var response = await rig.FetchAsync(Untrusted, web.Url("/redirect?to=" + Uri.EscapeDataString(target)));

        Assert.Contains(kind, response.Error);
        Assert.Contains("refused to connect", response.Error);
        Assert.Equal(new Uri(target), response.FinalUrl);
        // Connecting to 10.0.0.1 from here would hang until the connect timeout; refusal is immediate.
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
        Assert.Equal(1, web.HitsOn("/redirect"));
    }

    [Fact]
    public async Task Redirect_to_another_loopback_address_is_refused()
    {
        using var rig = new CrawlerRig(policy: CrawlerRig.LoopbackServerOnly);
        var response = await rig.FetchAsync(Untrusted, web.Url("/redirect?to=" + Uri.EscapeDataString($"http://127.0.0.2:{web.BaseUrl.Port}/trs/zfxxgknb/index.html")));

        Assert.Contains("127.0.0.2 is a loopback address", response.Error);
        Assert.Equal(0, web.HitsOn("/trs/zfxxgknb/index.html"));
    }

    [Fact]
    public async Task Trickling_server_is_aborted_by_the_minimum_transfer_rate()
    {
        using var rig = new CrawlerRig();
        var started = Stopwatch.GetTimestamp();
        var response = await rig.FetchAsync(Trusted, web.Url("/trickle"));

        Assert.Contains("the server trickles", response.Error);
        Assert.Null(response.BodyFile);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(4), "the 10 s trickle was not cut short");
    }

    [Fact]
    public async Task Silent_server_is_aborted_by_the_idle_timeout()
    {
        using var rig = new CrawlerRig(CrawlerRig.Fast with { IdleTimeout = TimeSpan.FromMilliseconds(400), TransferRateGracePeriod = TimeSpan.FromMinutes(1) });
        var response = await rig.FetchAsync(Trusted, web.Url("/silent"));

        Assert.Contains("sent nothing for 0.4 s", response.Error);
    }

    [Fact]
    public async Task Huge_streamed_response_is_aborted_at_the_size_limit_without_keeping_it()
    {
        using var rig = new CrawlerRig();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var response = await rig.FetchAsync(Trusted, web.Url("/huge"));

        Assert.Equal("the body exceeds the size limit of 1048576 bytes; aborted", response.Error);
        Assert.Null(response.BodyFile);
        Assert.Empty(Directory.Exists(rig.BodyDirectory) ? Directory.GetFiles(rig.BodyDirectory) : []);
        Assert.InRange(response.BodyLength, 1024 * 1024, 2 * 1024 * 1024);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 64L * 1024 * 1024);
    }

    [Fact]
    public async Task Response_declaring_two_gigabytes_is_refused_before_reading()
    {
        using var rig = new CrawlerRig();
        var response = await rig.FetchAsync(Trusted, web.Url("/huge-declared"));

        Assert.Equal("the server declares 2147483648 bytes, above the size limit of 1048576 bytes; not downloaded", response.Error);
    }

    [Fact]
    public async Task Persistent_503_is_retried_a_bounded_number_of_times()
    {
        using var rig = new CrawlerRig(CrawlerRig.Fast with { MaxRetries = 2 });
        var response = await rig.FetchAsync(Trusted, web.Url("/flaky-forever"));

        Assert.Equal(503, response.StatusCode);
        Assert.StartsWith("HTTP 503", response.Error);
        Assert.Equal(3, web.HitsOn("/flaky-forever"));
    }

    [Fact]
    public async Task JavaScript_challenge_is_reported_and_not_retried()
    {
        using var rig = new CrawlerRig();
        var response = await rig.FetchAsync(Trusted, web.Url(SimulatedAgencies.BlockedColumn));

        Assert.Equal("blocked by a JavaScript challenge (加速乐, HTTP 521)", response.Error);
        Assert.Equal(1, web.HitsOn(SimulatedAgencies.BlockedColumn));
    }

    [Fact]
    public async Task Cookie_set_on_a_302_back_to_the_same_url_is_sent_on_the_second_hop()
    {
        using var rig = new CrawlerRig();
        var response = await rig.FetchAsync(Trusted, web.Url("/haidong/zfxxgk/gknb/index.html"));

        Assert.Null(response.Error);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, web.HitsOn("/haidong/zfxxgk/gknb/index.html"));
        Assert.Contains("海东市商务局2023年政府信息公开工作年度报告", await File.ReadAllTextAsync(response.BodyFile!));
    }

    [Fact]
    public async Task Successful_fetch_records_headers_digest_and_body_for_the_archive()
    {
        using var rig = new CrawlerRig();
        var response = await rig.FetchAsync(Trusted, web.Url("/haidong/files/hd2023.txt"));

        var bytes = await File.ReadAllBytesAsync(response.BodyFile!);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), response.Sha256);
        Assert.Equal(bytes.Length, response.BodyLength);
        Assert.Equal("text/plain; charset=utf-8", response.ContentType);
        Assert.Equal("1.1", response.HttpVersion);
        Assert.Contains(response.RequestHeaders, h => h.Key == "User-Agent" && h.Value.Contains("GovDisclosureReportCrawler/1.0"));
        Assert.Contains(response.RequestHeaders, h => h.Key == "Host" && h.Value == $"127.0.0.1:{web.BaseUrl.Port}");
        Assert.Contains(response.ResponseHeaders, h => h.Key == "ETag");
    }

    [Fact]
    public async Task Path_disallowed_by_robots_is_not_requested()
    {
        using var rig = new CrawlerRig();
        var response = await rig.FetchAsync(Trusted, web.Url("/private/t2021.html"));

        Assert.Equal($"disallowed by robots.txt of 127.0.0.1:{web.BaseUrl.Port}", response.Error);
        Assert.Equal(0, web.HitsOn("/private/t2021.html"));
    }
}
