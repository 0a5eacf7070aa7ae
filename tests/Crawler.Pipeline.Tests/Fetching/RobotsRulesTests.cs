using Crawler.Pipeline.Fetching;

namespace Crawler.Pipeline.Tests.Fetching;

public sealed class RobotsRulesTests
{
    private const string Text = """
        User-agent: *
        Disallow: /private/
        Allow: /private/public/
        Disallow: /*.pdf$
        Crawl-delay: 5

        User-agent: GovDisclosureReportCrawler
        User-agent: other
        Disallow: /only-us/
        Crawl-delay: 120
        """;

    [Theory]
    [InlineData("*", "/private/x.html", false)]
    [InlineData("*", "/private/public/x.html", true)]
    [InlineData("*", "/files/report.pdf", false)]
    [InlineData("*", "/files/report.pdf?download=1", true)]
    [InlineData("*", "/zfxxgknb/index.html", true)]
    [InlineData("GovDisclosureReportCrawler", "/private/x.html", true)]
    [InlineData("GovDisclosureReportCrawler", "/only-us/x.html", false)]
    [InlineData("*", "/robots.txt", true)]
    public void Longest_match_of_the_group_for_our_token_decides(string token, string path, bool allowed)
    {
        var rules = RobotsRules.Parse(Text, token == "*" ? "SomeoneElse" : token);

        Assert.Equal(allowed, rules.IsAllowed(new Uri("http://gov.test" + path)));
    }

    [Fact]
    public void Crawl_delay_comes_from_the_chosen_group()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), RobotsRules.Parse(Text, "GovDisclosureReportCrawler").CrawlDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), RobotsRules.Parse(Text, "SomeoneElse").CrawlDelay);
    }

    [Fact]
    public void Unavailable_robots_disallows_everything_with_its_reason()
    {
        var rules = RobotsRules.Unavailable("HTTP 503");

        Assert.False(rules.IsAllowed(new Uri("http://gov.test/zfxxgknb/")));
        Assert.Equal("HTTP 503", rules.UnavailableReason);
    }
}
