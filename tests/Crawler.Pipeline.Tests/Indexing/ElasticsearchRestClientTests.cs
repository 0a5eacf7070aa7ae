using System.Text;
using System.Text.Json.Nodes;
using Crawler.Pipeline.Indexing;

namespace Crawler.Pipeline.Tests.Indexing;

/// <summary>The client's requests against the documented REST API, captured by a real HTTP server on 127.0.0.1.</summary>
public sealed class ElasticsearchRestClientTests
{
    /// <summary>Older reports-v* indices stay searchable but read-only; the configured index takes the writes.</summary>
    private const string WriteAliases = """{"actions":[{"add":{"index":"reports-v*","alias":"reports","is_write_index":false}},{"add":{"index":"reports-v1","alias":"reports","is_write_index":true}},{"add":{"index":"reports-v1","alias":"reports-latest","filter":{"term":{"isLatest":true}}}}]}""";

    private static BulkOperation Doc(string id, string agency) => new(BulkAction.Index, id, new JsonObject { ["agency"] = agency, ["year"] = 2023 });

    [Fact]
    public async Task Bulk_sends_ndjson_action_and_source_lines_with_a_final_newline_and_basic_auth()
    {
        await using var server = await FakeElasticsearch.StartAsync(_ => (200, """
            {"took":3,"errors":false,"items":[{"index":{"_index":"reports-v1","_id":"a1","status":201,"result":"created"}},
            {"update":{"_index":"reports-v1","_id":"b2","status":200,"result":"updated"}}]}
            """));
        var client = IndexingFixtures.Client(IndexingFixtures.Options(server.Url));

        var result = await client.BulkAsync([Doc("a1", "聊城市商务局"), new BulkOperation(BulkAction.Update, "b2", new JsonObject { ["isLatest"] = false })], default);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/_bulk", request.Path);
        Assert.Equal("application/x-ndjson", request.Header("Content-Type"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("elastic:changeme")), request.Header("Authorization"));
        Assert.Equal(
            "{\"index\":{\"_index\":\"reports\",\"_id\":\"a1\"}}\n" +
            "{\"agency\":\"聊城市商务局\",\"year\":2023}\n" +
            "{\"update\":{\"_index\":\"reports\",\"_id\":\"b2\",\"retry_on_conflict\":3}}\n" +
            "{\"doc\":{\"isLatest\":false}}\n",
            request.Text);
        Assert.True(result.Reached);
        Assert.All(result.Items, i => Assert.Equal(BulkItemOutcome.Succeeded, i.Outcome));
        Assert.Equal([201, 200], result.Items.Select(i => i.Status));
    }

    [Fact]
    public async Task An_api_key_is_sent_as_the_ApiKey_scheme()
    {
        await using var server = await FakeElasticsearch.StartAsync(_ => (200, """{"cluster_name":"docker-cluster","status":"yellow","number_of_nodes":1}"""));
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw"));
        var client = IndexingFixtures.Client(IndexingFixtures.Options(server.Url) with { Username = null, Password = null, ApiKey = encoded });

        var health = await client.HealthAsync(default);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/_cluster/health"), (request.Method, request.Path));
        Assert.Equal("ApiKey " + encoded, request.Header("Authorization"));
        Assert.Equal(new ClusterHealth("docker-cluster", "yellow", 1), health.Value);
        Assert.True(health.Value!.IsUsable);
    }

    [Fact]
    public async Task Mixed_item_failures_retry_the_429_item_alone_and_report_the_mapping_error_as_permanent()
    {
        await using var server = await FakeElasticsearch.StartAsync((_, n) => Task.FromResult(n == 0
            ? (200, """
                {"took":5,"errors":true,"items":[
                {"index":{"_index":"reports-v1","_id":"ok","status":201,"result":"created"}},
                {"index":{"_index":"reports-v1","_id":"busy","status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"}}},
                {"index":{"_index":"reports-v1","_id":"bad","status":400,"error":{"type":"document_parsing_exception","reason":"[1:12] strict_dynamic_mapping_exception: mapping set to strict, dynamic introduction of [agencyName] within [_doc] is not allowed","caused_by":{"type":"mapper_parsing_exception","reason":"failed to parse"}}}}]}
                """)
            : (200, """{"took":1,"errors":false,"items":[{"index":{"_index":"reports-v1","_id":"busy","status":201,"result":"created"}}]}""")));
        var client = IndexingFixtures.Client(IndexingFixtures.Options(server.Url));

        var result = await client.BulkAsync([Doc("ok", "甲"), Doc("busy", "乙"), Doc("bad", "丙")], default);

        Assert.Equal(2, server.Requests.Count);
        var retry = server.Requests.ElementAt(1).Text;
        Assert.Equal("{\"index\":{\"_index\":\"reports\",\"_id\":\"busy\"}}\n{\"agency\":\"乙\",\"year\":2023}\n", retry);
        Assert.Equal([BulkItemOutcome.Succeeded, BulkItemOutcome.Succeeded, BulkItemOutcome.Permanent], result.Items.Select(i => i.Outcome));
        Assert.Equal(400, result.Items[2].Status);
        Assert.StartsWith("document_parsing_exception: [1:12] strict_dynamic_mapping_exception", result.Items[2].Error);
        Assert.Contains("caused by: failed to parse", result.Items[2].Error);
    }

    [Fact]
    public async Task A_whole_request_429_is_retried_with_backoff_then_succeeds()
    {
        await using var server = await FakeElasticsearch.StartAsync((_, n) => Task.FromResult(n == 0
            ? (429, """{"error":{"type":"es_rejected_execution_exception","reason":"rejected"},"status":429}""")
            : (200, """{"took":1,"errors":false,"items":[{"index":{"_id":"a","status":200}}]}""")));
        var client = IndexingFixtures.Client(IndexingFixtures.Options(server.Url));

        var result = await client.BulkAsync([Doc("a", "甲")], default);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests.First().Text, server.Requests.Last().Text);
        Assert.Equal(BulkItemOutcome.Succeeded, Assert.Single(result.Items).Outcome);
    }

    [Fact]
    public async Task A_persistent_503_gives_up_after_the_configured_attempts_with_the_reason()
    {
        await using var server = await FakeElasticsearch.StartAsync(_ => (503, """{"error":{"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"},"status":503}"""));
        var client = IndexingFixtures.Client(IndexingFixtures.Options(server.Url) with { RequestAttempts = 4 });

        var result = await client.BulkAsync([Doc("a", "甲")], default);

        Assert.Equal(4, server.Requests.Count);
        Assert.False(result.Reached);
        Assert.Empty(result.Items);
        Assert.Contains("answered 503", result.RequestError);
        Assert.Contains("state not recovered", result.RequestError);
    }

    [Fact]
    public async Task A_refused_connection_is_a_failure_value_naming_the_cluster()
    {
        var url = IndexingFixtures.ClosedPort();
        var client = IndexingFixtures.Client(IndexingFixtures.Options(url) with { RequestAttempts = 2 });

        var result = await client.BulkAsync([Doc("a", "甲")], default);
        var health = await client.HealthAsync(default);

        Assert.False(result.Reached);
        Assert.Contains("cannot reach " + url.AbsoluteUri, result.RequestError);
        Assert.False(health.Succeeded);
    }

    [Fact]
    public async Task A_cluster_that_does_not_answer_in_time_is_a_timeout_failure()
    {
        await using var server = await FakeElasticsearch.StartAsync(async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(4));
            return (200, "{}");
        });
        var client = IndexingFixtures.Client(IndexingFixtures.Options(server.Url) with { RequestTimeout = TimeSpan.FromMilliseconds(200), RequestAttempts = 2 });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await client.CountAsync(null, null, default);

        Assert.False(result.Succeeded);
        Assert.Contains("no answer within 0.2 s", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"took {clock.Elapsed}: the timeout did not cut the calls short");
    }

    [Fact]
    public async Task Search_and_count_post_query_dsl_to_the_alias()
    {
        await using var server = await FakeElasticsearch.StartAsync(r => r.Path.EndsWith("_count")
            ? (200, """{"count":42,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}""")
            : (200, """{"took":2,"timed_out":false,"hits":{"total":{"value":1,"relation":"eq"},"hits":[{"_id":"x","_source":{"agency":"聊城市商务局"}}]}}"""));
        var client = IndexingFixtures.Client(IndexingFixtures.Options(server.Url));
        var query = new JsonObject { ["term"] = new JsonObject { ["findingCodes"] = "T3_BALANCE" } };

        var count = await client.CountAsync(query, "reports-latest", default);
        var search = await client.SearchAsync(new JsonObject { ["query"] = query.DeepClone(), ["size"] = 10 }, null, default);

        Assert.Equal(42, count.Value);
        Assert.Equal("聊城市商务局", search.Value!.RootElement.GetProperty("hits").GetProperty("hits")[0].GetProperty("_source").GetProperty("agency").GetString());
        var (countRequest, searchRequest) = (server.Requests.First(), server.Requests.Last());
        Assert.Equal(("POST", "/reports-latest/_count"), (countRequest.Method, countRequest.Path));
        Assert.Equal("{\"query\":{\"term\":{\"findingCodes\":\"T3_BALANCE\"}}}", countRequest.Text);
        Assert.StartsWith("application/json", countRequest.Header("Content-Type"));
        Assert.Equal(("POST", "/reports/_search"), (searchRequest.Method, searchRequest.Path));
        Assert.Equal("{\"query\":{\"term\":{\"findingCodes\":\"T3_BALANCE\"}},\"size\":10}", searchRequest.Text);
    }

    [Fact]
    public async Task Ensure_index_puts_the_template_then_creates_the_missing_index_with_its_aliases()
    {
        await using var server = await FakeElasticsearch.StartAsync(r => r.Method == "HEAD" ? (404, "") : (200, """{"acknowledged":true}"""));
        var options = IndexingFixtures.Options(server.Url);
        var client = IndexingFixtures.Client(options);

        var result = await client.EnsureIndexAsync(default);

        Assert.True(result.Value);
        var requests = server.Requests.ToList();
        Assert.Equal(["PUT /_index_template/reports", "HEAD /reports-v1", "PUT /reports-v1", "POST /_aliases"], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.True(JsonNode.DeepEquals(ReportIndexTemplate.Build(options), JsonNode.Parse(requests[0].Text)), requests[0].Text);
        Assert.Contains("政府信息公开工作年度报告", requests[0].Text);
        Assert.StartsWith("application/json", requests[0].Header("Content-Type"));
        Assert.Empty(requests[2].Body);
        Assert.Equal(WriteAliases, requests[3].Text);
    }

    [Fact]
    public async Task Ensure_index_on_an_existing_index_only_adds_the_aliases()
    {
        await using var server = await FakeElasticsearch.StartAsync(_ => (200, """{"acknowledged":true}"""));
        var client = IndexingFixtures.Client(IndexingFixtures.Options(server.Url));

        var result = await client.EnsureIndexAsync(default);

        Assert.False(result.Value);
        var requests = server.Requests.ToList();
        Assert.Equal(["PUT /_index_template/reports", "HEAD /reports-v1", "POST /_aliases"], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal(WriteAliases, requests[2].Text);
    }

    [Fact]
    public async Task A_rejected_template_is_reported_with_the_clusters_reason()
    {
        await using var server = await FakeElasticsearch.StartAsync(_ => (400, """{"error":{"root_cause":[{"type":"mapper_parsing_exception","reason":"Failed to parse mapping: analyzer [smartcn] has not been configured in mappings"}],"type":"mapper_parsing_exception","reason":"Failed to parse mapping"},"status":400}"""));
        var client = IndexingFixtures.Client(IndexingFixtures.Options(server.Url) with { Analyzer = ChineseAnalyzer.Smartcn });

        var result = await client.EnsureIndexAsync(default);

        Assert.False(result.Succeeded);
        Assert.Equal(400, result.Status);
        Assert.Contains("analyzer [smartcn] has not been configured", result.Error);
        Assert.Single(server.Requests);
    }
}
