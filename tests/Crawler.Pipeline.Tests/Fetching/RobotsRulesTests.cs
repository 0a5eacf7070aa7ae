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

/// <summary>RFC 9309 corners that real robots.txt files hit: BOM, encodings of one path, the product token, wildcards.</summary>
public sealed class RobotsRfc9309Tests
{
    [Fact]
    public void A_byte_order_mark_does_not_hide_the_first_group()
    {
        var rules = RobotsRules.Parse("\uFEFFUser-agent: *\nDisallow: /private/\n", "GovDisclosureReportCrawler");

        Assert.False(rules.IsAllowed(new Uri("http://gov.test/private/a.html")));
        Assert.True(rules.IsAllowed(new Uri("http://gov.test/public/a.html")));
    }

    [Theory]
    [InlineData("Disallow: /年报/")]
    [InlineData("Disallow: /%E5%B9%B4%E6%8A%A5/")]
    [InlineData("Disallow: /%e5%b9%b4%e6%8a%a5/")]
    public void Raw_utf8_and_percent_encoded_paths_are_compared_the_same_way(string rule)
    {
        var rules = RobotsRules.Parse("User-agent: *\n" + rule + "\n", "GovDisclosureReportCrawler");

        Assert.False(rules.IsAllowed(new Uri("http://gov.test/年报/2023.html")));
        Assert.False(rules.IsAllowed(new Uri("http://gov.test/%E5%B9%B4%E6%8A%A5/2023.html")));
        Assert.True(rules.IsAllowed(new Uri("http://gov.test/公告/2023.html")));
    }

    [Fact]
    public void Percent_encoded_unreserved_characters_match_their_plain_form()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /%7Euser/\n", "x");

        Assert.False(rules.IsAllowed(new Uri("http://gov.test/~user/a")));
    }

    [Theory]
    [InlineData("User-agent: GovDisclosureReportCrawler/1.0")]
    [InlineData("User-agent: govdisclosurereportcrawler")]
    [InlineData("user-agent:GovDisclosureReportCrawler # us")]
    public void The_group_naming_our_product_token_is_used(string agentLine)
    {
        var text = $"User-agent: *\nDisallow: /\n\n{agentLine}\nDisallow: /private/\n";
        var rules = RobotsRules.Parse(text, "GovDisclosureReportCrawler");

        Assert.True(rules.IsAllowed(new Uri("http://gov.test/zfxxgknb/index.html")));
        Assert.False(rules.IsAllowed(new Uri("http://gov.test/private/a.html")));
    }

    [Fact]
    public void Old_mac_line_endings_separate_lines()
    {
        var rules = RobotsRules.Parse("User-agent: *\rDisallow: /a/\rAllow: /a/b/\r", "x");

        Assert.False(rules.IsAllowed(new Uri("http://gov.test/a/x")));
        Assert.True(rules.IsAllowed(new Uri("http://gov.test/a/b/x")));
    }

    [Theory]
    [InlineData("/*.pdf$", "/files/report.pdf", false)]
    [InlineData("/*.pdf$", "/files/report.pdf.html", true)]
    [InlineData("/a*b*c", "/a-x-b-y-c-z", false)]
    [InlineData("/a*b*c$", "/a-x-b-y-c-z", true)]
    [InlineData("/a*b*c$", "/abcbc", false)]
    [InlineData("/$", "/", false)]
    [InlineData("/$", "/index.html", true)]
    public void Wildcards_match_as_the_rfc_says(string pattern, string path, bool allowed)
    {
        var rules = RobotsRules.Parse($"User-agent: *\nDisallow: {pattern}\n", "x");

        Assert.Equal(allowed, rules.IsAllowed(new Uri("http://gov.test" + path)));
    }

    [Fact]
    public void Many_wildcards_against_a_long_path_take_linear_time()
    {
        // Backtracking matchers take time exponential in the number of '*': 40 stars against 4,000 'a's never ends there.
        var pattern = "/" + string.Concat(Enumerable.Repeat("*a", 40)) + "b";
        var rules = RobotsRules.Parse($"User-agent: *\nDisallow: {pattern}\n", "x");
        var path = "/" + new string('a', 4000);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        for (var i = 0; i < 100; i++) Assert.True(rules.IsAllowed(new Uri("http://gov.test" + path)));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"100 matches took {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
