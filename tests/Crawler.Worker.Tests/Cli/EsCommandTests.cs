using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Tests.Indexing;
using Crawler.Worker.Cli;

namespace Crawler.Worker.Tests.Cli;

/// <summary><c>crawler es …</c> configured from the environment, against a real local HTTP server.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class EsCommandTests
{
    [Fact]
    public async Task Setup_installs_template_index_and_aliases_from_the_environment_configuration()
    {
        await using var server = await FakeElasticsearch.StartAsync(r => r.Method == "HEAD" ? (404, "") : (200, """{"acknowledged":true}"""));
        using var environment = new EnvironmentScope(new()
        {
            ["Elasticsearch__Url"] = server.Url.AbsoluteUri,
            ["Elasticsearch__ApiKey"] = "ZXhhbXBsZTprZXk=",
            ["Elasticsearch__Analyzer"] = "Smartcn",
            ["Elasticsearch__IndexName"] = "reports-v2",
        });

        var exit = await CrawlerCommandLine.Build().Parse(["es", "setup"]).InvokeAsync();

        Assert.Equal(0, exit);
        var requests = server.Requests.ToList();
        Assert.Equal(["PUT /_index_template/reports", "HEAD /reports-v2", "PUT /reports-v2", "POST /_aliases"], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(requests, r => Assert.Equal("ApiKey ZXhhbXBsZTprZXk=", r.Header("Authorization")));
        Assert.Contains("\"analyzer\":\"smartcn\"", requests[0].Text);
    }

    [Fact]
    public async Task Count_and_search_ask_the_latest_alias()
    {
        await using var server = await FakeElasticsearch.StartAsync(r => r.Path.EndsWith("_count")
            ? (200, """{"count":3}""")
            : (200, """{"hits":{"total":{"value":1},"hits":[{"_source":{"agency":"聊城市商务局","year":2023,"version":1,"documentUrl":"http://a/b.pdf"}}]}}"""));
        using var environment = new EnvironmentScope(new() { ["Elasticsearch__Url"] = server.Url.AbsoluteUri });

        var count = await CrawlerCommandLine.Build().Parse(["es", "count", "--finding", "T3_BALANCE"]).InvokeAsync();
        var search = await CrawlerCommandLine.Build().Parse(["es", "search", "行政复议", "--size", "5"]).InvokeAsync();

        Assert.Equal((0, 0), (count, search));
        var (countRequest, searchRequest) = (server.Requests.First(), server.Requests.Last());
        Assert.Equal("/reports-latest/_count", countRequest.Path);
        Assert.Equal("""{"query":{"term":{"findingCodes":"T3_BALANCE"}}}""", countRequest.Text);
        Assert.Equal("/reports-latest/_search", searchRequest.Path);
        Assert.Contains("\"multi_match\":{\"query\":\"行政复议\"", searchRequest.Text);
        Assert.Contains("\"size\":5", searchRequest.Text);
    }

    [Fact]
    public async Task Without_a_url_the_commands_say_what_to_set()
    {
        using var environment = new EnvironmentScope(new() { ["Elasticsearch__Url"] = null });

        Assert.Equal(2, await CrawlerCommandLine.Build().Parse(["es", "setup"]).InvokeAsync());
        Assert.Equal(2, await CrawlerCommandLine.Build().Parse(["reindex"]).InvokeAsync());
    }

    [Fact]
    public void The_template_command_renders_the_committed_default()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(Crawler.Tests.Shared.RepositoryPaths.Root, "ops", "elasticsearch", "reports-template.json")),
            ReportIndexTemplate.Render(new ElasticsearchOptions()));
        Assert.Empty(CrawlerCommandLine.Build().Parse(["es", "template", "--analyzer", "ik"]).Errors);
    }
}
