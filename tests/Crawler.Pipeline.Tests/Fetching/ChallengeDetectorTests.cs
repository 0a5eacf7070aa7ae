using Crawler.Pipeline.Fetching;

namespace Crawler.Pipeline.Tests.Fetching;

public sealed class ChallengeDetectorTests
{
    private static KeyValuePair<string, string>[] Headers(params string[] pairs) =>
        pairs.Select(p => p.Split(": ", 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1])).ToArray();

    [Fact]
    public void Ruishu_412_with_script_is_a_challenge()
    {
        Assert.Equal("瑞数", ChallengeDetector.Detect(412, Headers("Server: nginx"), "<html><meta id=\"x\" content=\"y\"><script>$_ts=window['$_ts'];</script></html>"));
    }

    [Fact]
    public void Ruishu_202_with_ts_script_is_a_challenge()
    {
        Assert.Equal("瑞数", ChallengeDetector.Detect(202, Headers(), "<script type=\"text/javascript\">$_ts.cd=\"qE\";</script>"));
    }

    [Fact]
    public void Jiasule_521_with_cookie_is_a_challenge()
    {
        Assert.Equal("加速乐", ChallengeDetector.Detect(521, Headers("Set-Cookie: __jsluid_s=abc; path=/"), "<script>document.cookie=</script>"));
    }

    [Fact]
    public void Cloudflare_challenge_is_recognised()
    {
        Assert.Equal("Cloudflare", ChallengeDetector.Detect(403, Headers("Server: cloudflare", "cf-mitigated: challenge"), "<title>Just a moment...</title>"));
    }

    [Theory]
    [InlineData(404, "<html><body>页面不存在</body></html>")]
    [InlineData(503, "<html><body>Service Unavailable</body></html>")]
    [InlineData(202, "<html><body><script>var a;</script><a href=\"/x\">列表</a></body></html>")]
    public void Ordinary_errors_are_not_challenges(int status, string body)
    {
        Assert.Null(ChallengeDetector.Detect(status, Headers("Server: nginx"), body));
    }
}
