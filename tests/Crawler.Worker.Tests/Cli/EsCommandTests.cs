using Crawler.Pipeline.Indexing;
using Crawler.Testing.Elasticsearch;
using Crawler.Worker.Cli;

namespace Crawler.Worker.Tests.Cli;

/// <summary><c>crawler es …</c> configured from the environment, against a real local HTTP server.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class EsCommandTests
{
    [Fact]
    public async Task Setup_installs_template_index_and_aliases_from_the_environment_configuration()
    {
        await using var server = await Elasticsearch9Server.StartAsync();
        using var environment = new EnvironmentScope(new()
        {
            ["Elasticsearch__Url"] = server.Url.AbsoluteUri,
            ["Elasticsearch__ApiKey"] = "ZXhhbXBsZTprZXk=",
            ["Elasticsearch__Analyzer"] = "Smartcn",
            ["Elasticsearch__IndexName"] = "reports-v2",
        });

        var exit = await CrawlerCommandLine.Build().Parse(["es", "setup"]).InvokeAsync();

        Assert.Equal(0, exit);
        var requests = server.Cluster.Requests.ToList();
        Assert.Equal(["GET /", "PUT /_index_template/reports", "HEAD /reports-v2", "PUT /reports-v2", "POST /_aliases",
            "PUT /_index_template/crawler-compliance", "HEAD /crawler-compliance", "PUT /crawler-compliance"], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(requests, r => Assert.Equal("ApiKey ZXhhbXBsZTprZXk=", r.Header("Authorization")));
        Assert.All(requests, r => Assert.Matches(@"^elasticsearch-net/9\.5\.3\+[0-9a-f]+ \(", r.Header("User-Agent")));
        Assert.Contains("\"analyzer\":\"smartcn\"", requests[1].Body);
        Assert.Contains("\"analyzer\":\"smartcn\"", requests[5].Body); // the compliance template analyses agency and region alike
        Assert.Equal(["crawler-compliance", "reports-v2"], server.Cluster.Indices.Order());
        Assert.Equal("strict", server.Cluster.Template("crawler-compliance")!["template"]!["mappings"]!["dynamic"]!.GetValue<string>());
    }

    [Fact]
    public async Task Count_and_search_ask_the_latest_alias()
    {
        await using var server = await Elasticsearch9Server.StartAsync();
        using var environment = new EnvironmentScope(new() { ["Elasticsearch__Url"] = server.Url.AbsoluteUri, ["Elasticsearch__Compression"] = "false" });

        Assert.Equal(0, await CrawlerCommandLine.Build().Parse(["es", "setup"]).InvokeAsync());
        var count = await CrawlerCommandLine.Build().Parse(["es", "count", "--finding", "T3_BALANCE"]).InvokeAsync();
        var search = await CrawlerCommandLine.Build().Parse(["es", "search", "行政复议", "--size", "5"]).InvokeAsync();

        Assert.Equal((0, 0), (count, search));
        var (countRequest, searchRequest) = (server.Cluster.Requests.Single(r => r.Path.EndsWith("_count")), server.Cluster.Requests.Single(r => r.Path.EndsWith("_search")));
        Assert.Equal("/reports-latest/_count", countRequest.Path);
        Assert.Equal("""{"query":{"bool":{"filter":{"term":{"findingCodes":{"value":"T3_BALANCE"}}}}}}""", countRequest.Body);
        Assert.Equal("/reports-latest/_search", searchRequest.Path);
        var body = System.Text.Json.Nodes.JsonNode.Parse(searchRequest.Body)!;
        Assert.Contains("\"query\":\"行政复议\"", body["query"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(5, body["size"]!.GetValue<int>());
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
        Assert.Empty(CrawlerCommandLine.Build().Parse(["es", "template", "--compliance"]).Errors);
    }
}
