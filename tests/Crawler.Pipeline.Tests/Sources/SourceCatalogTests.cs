using Crawler.Pipeline.Sources;
using Crawler.Tests.Shared;

namespace Crawler.Pipeline.Tests.Sources;

public sealed class SourceCatalogTests
{
    [Fact]
    public void Shipped_catalog_loads_the_seed_agencies_and_at_least_thirty_more_all_unverified()
    {
        var sources = SourceCatalog.Load(Path.Combine(RepositoryPaths.Root, "config", "sources.json"));

        Assert.True(sources.Count >= 35, $"{sources.Count} sources");
        foreach (var seed in new[] { "聊城市商务局", "鲁山县商务局", "威海市环翠区商务局", "聊城市人民政府办公室", "海东市商务局" })
            Assert.Contains(sources, s => s.Agency == seed);
        Assert.All(sources, s => Assert.False(s.Verified));
        Assert.All(sources, s => Assert.False(s.AllowPrivateNetwork));
        Assert.Contains(sources, s => s.StartUrls.Any(u => u.Contains("xxgkAnnualReport.jsp", StringComparison.Ordinal) && u.Contains("{year}", StringComparison.Ordinal)));
        Assert.Contains(sources, s => s.StartUrls.Any(u => u.EndsWith("/gkmlpt/index", StringComparison.Ordinal)));
        Assert.True(sources.Select(s => s.Region).Distinct().Count() >= 15);
    }

    [Fact]
    public void Entry_is_read_with_every_field()
    {
        var sources = SourceCatalog.Parse("""
            { "sources": [ { "id": "a", "agency": " 聊城市商务局 ", "region": "山东省聊城市", "startUrls": ["http://www.liaocheng.gov.cn/zfxxgk/"],
                             "schedule": "0 0 6 * * ?", "allowPrivateNetwork": true, "ignoreCertificateErrors": true, "verified": true } ] }
            """, "test.json");

        var source = Assert.Single(sources);
        Assert.Equal(new Source
        {
            Id = "a",
            Agency = "聊城市商务局",
            Region = "山东省聊城市",
            StartUrls = source.StartUrls,
            Schedule = "0 0 6 * * ?",
            AllowPrivateNetwork = true,
            IgnoreCertificateErrors = true,
            Verified = true,
        }, source);
        Assert.Equal(["http://www.liaocheng.gov.cn/zfxxgk/"], source.StartUrls);
    }

    [Fact]
    public void Every_problem_is_reported_with_the_entry_and_field()
    {
        var error = Assert.Throws<SourceCatalogException>(() => SourceCatalog.Parse("""
            { "sources": [
                { "id": "a", "agency": "甲局", "startUrls": ["http://a.gov.cn/"] },
                { "id": "a", "agency": "乙局", "startUrls": ["http://b.gov.cn/"] },
                { "id": "c", "agency": "", "startUrls": ["ftp://c.gov.cn/", "not a url"], "schedule": "every day", "colour": "red" },
                { "agency": "丁局", "startUrls": [] , "verified": "yes" }
            ] }
            """, "sources.json"));

        Assert.Equal("sources.json", error.Origin);
        Assert.Equal(
        [
            "sources[1] (\"a\"): id duplicates sources[0]",
            "sources[2] (\"c\"): unknown key \"colour\" (known: id, agency, region, startUrls, schedule, allowPrivateNetwork, ignoreCertificateErrors, verified)",
            "sources[2] (\"c\"): \"agency\" must name the agency (e.g. 聊城市商务局)",
            "sources[2] (\"c\"): \"schedule\" \"every day\" is not a valid Quartz cron expression (e.g. \"0 0 6 * * ?\")",
            "sources[2] (\"c\"): startUrls[0] \"ftp://c.gov.cn/\" is not an absolute http(s) URL",
            "sources[2] (\"c\"): startUrls[1] \"not a url\" is not an absolute http(s) URL",
            "sources[3]: \"id\" is required (a short slug such as \"liaocheng-commerce\")",
            "sources[3]: \"startUrls\" must be a non-empty array of http(s) URLs",
            "sources[3]: \"verified\" must be true or false",
        ], error.Problems.Select(p => p.Contains("cron", StringComparison.Ordinal) ? p[..p.IndexOf("):", p.IndexOf("cron", StringComparison.Ordinal), StringComparison.Ordinal)] + ")" : p));
        Assert.Contains("sources.json: 9 problem(s)", error.Message);
    }

    [Fact]
    public void Malformed_json_names_the_line()
    {
        var error = Assert.Throws<SourceCatalogException>(() => SourceCatalog.Parse("{\n \"sources\": [\n {,\n ] }", "bad.json"));

        Assert.StartsWith("not valid JSON (line 3", Assert.Single(error.Problems));
    }

    [Fact]
    public void Year_template_expands_to_the_last_three_report_years()
    {
        var urls = StartUrlTemplate.Expand("http://www.wenzhou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=001008003015001&fbtime={year}", new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), 3);

        Assert.Equal(["fbtime=2024", "fbtime=2023", "fbtime=2022"], urls.Select(u => u.Query.Split('&')[1]));
    }
}
