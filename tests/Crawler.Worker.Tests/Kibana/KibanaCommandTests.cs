using System.Text;
using Crawler.Pipeline.Tests.Indexing;
using Crawler.Tests.Shared;
using Crawler.Worker.Cli;
using Crawler.Worker.Kibana;

namespace Crawler.Worker.Tests.Kibana;

/// <summary><c>crawler kibana setup</c> against a real local HTTP server standing in for Kibana.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class KibanaCommandTests
{
    [Fact]
    public async Task Setup_imports_the_ndjson_as_multipart_then_creates_or_updates_the_connector_and_the_rule()
    {
        await using var kibana = await ScriptedHttpServer.StartAsync(r => (r.Method, r.Path) switch
        {
            ("POST", "/api/saved_objects/_import") => (200, """{"success":true,"successCount":12,"successResults":[]}"""),
            ("POST", "/api/actions/connector/crawler-reports-webhook") => (409, """{"statusCode":409,"error":"Conflict","message":"already exists"}"""),
            ("PUT", "/api/actions/connector/crawler-reports-webhook") => (200, """{"id":"crawler-reports-webhook"}"""),
            ("POST", $"/api/alerting/rule/{KibanaAlertRule.RuleId}") => (200, $$"""{"id":"{{KibanaAlertRule.RuleId}}"}"""),
            _ => (404, "{}"),
        });
        using var environment = new EnvironmentScope(new()
        {
            ["Kibana__Url"] = kibana.Url.AbsoluteUri,
            ["Kibana__Username"] = "elastic",
            ["Kibana__Password"] = "s3cret",
            ["Kibana__AlertWebhookUrl"] = "http://127.0.0.1:9/hook",
            ["Kibana__AssetsDirectory"] = Path.Combine(RepositoryPaths.Root, "ops", "kibana"),
        });

        var exit = await CrawlerCommandLine.Build().Parse(["kibana", "setup"]).InvokeAsync();

        Assert.Equal(0, exit);
        var requests = kibana.Requests.ToList();
        Assert.Equal(["POST /api/saved_objects/_import?overwrite=true", "POST /api/actions/connector/crawler-reports-webhook",
            "PUT /api/actions/connector/crawler-reports-webhook", $"POST /api/alerting/rule/{KibanaAlertRule.RuleId}"],
            requests.Select(r => $"{r.Method} {r.Path}{r.Query}"));
        Assert.All(requests, r => Assert.Equal("true", r.Header("kbn-xsrf")));
        Assert.All(requests, r => Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("elastic:s3cret")), r.Header("Authorization")));
        var import = requests[0];
        Assert.StartsWith("multipart/form-data; boundary=", import.Header("Content-Type"));
        Assert.Contains("Content-Disposition: form-data; name=\"file\"; filename=\"reports.ndjson\"\r\n", import.Text);
        Assert.Contains(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "ops", "kibana", "reports.ndjson")), import.Text);
        Assert.Contains("\"connector_type_id\":\".webhook\"", requests[1].Text);
        Assert.DoesNotContain("connector_type_id", requests[2].Text);
        Assert.Contains("\"url\":\"http://127.0.0.1:9/hook\"", requests[2].Text);
        Assert.Contains("\"rule_type_id\":\".es-query\"", requests[3].Text);
        Assert.Contains("\"index\":[\"reports-latest\"]", requests[3].Text);
        Assert.Contains("\"group\":\"query matched\"", requests[3].Text);
    }

    [Fact]
    public async Task A_rejected_import_fails_with_kibanas_errors()
    {
        await using var kibana = await ScriptedHttpServer.StartAsync(_ => (200, """{"success":false,"successCount":0,"errors":[{"id":"crawler-outcomes","type":"visualization","error":{"type":"missing_references"}}]}"""));
        using var environment = new EnvironmentScope(new()
        {
            ["Kibana__Url"] = kibana.Url.AbsoluteUri,
            ["Kibana__AssetsDirectory"] = Path.Combine(RepositoryPaths.Root, "ops", "kibana"),
        });

        var exit = await CrawlerCommandLine.Build().Parse(["kibana", "setup"]).InvokeAsync();

        Assert.Equal(1, exit);
        Assert.Single(kibana.Requests);
    }
}
