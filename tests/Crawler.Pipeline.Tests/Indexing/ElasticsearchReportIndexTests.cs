using System.Text;
using System.Text.Json.Nodes;
using Crawler.Pipeline.Indexing;
using Crawler.Testing.Elasticsearch;

namespace Crawler.Pipeline.Tests.Indexing;

/// <summary>
/// The official client behind <see cref="IReportIndex"/>, against a loopback server that answers as Elasticsearch 9:
/// the exact requests it sends (method, path, headers, bodies) and how each kind of answer comes back as a value.
/// </summary>
public sealed class ElasticsearchReportIndexTests
{
    /// <summary>Older reports-v* indices stay searchable but read-only; the configured index takes the writes.</summary>
    private const string WriteAliases = """{"actions":[{"add":{"alias":"reports","index":"reports-v*","is_write_index":false}},{"add":{"alias":"reports","index":"reports-v1","is_write_index":true}},{"add":{"alias":"reports-latest","filter":{"term":{"isLatest":{"value":true}}},"index":"reports-v1"}}]}""";

    private static BulkOperation Doc(string id, string agency) => new(BulkAction.Index, id, new JsonObject { ["agency"] = agency, ["year"] = 2023 });

    private static async Task<(Elasticsearch9Server Server, ElasticsearchReportIndex Index)> ReadyAsync(Func<ElasticsearchOptions, ElasticsearchOptions>? adjust = null)
    {
        var server = await Elasticsearch9Server.StartAsync();
        var index = IndexingFixtures.Client(IndexingFixtures.Options(server.Url, adjust));
        Assert.True((await index.EnsureIndexAsync(default)).Succeeded);
        server.Cluster.Requests.Clear();
        return (server, index);
    }

    [Fact]
    public async Task A_bulk_request_carries_the_official_clients_user_agent_and_telemetry_ndjson_with_explicit_ids_and_basic_auth()
    {
        var (server, index) = await ReadyAsync(o => o with { Compression = false });
        await using var running = server;

        var result = await index.BulkAsync([Doc("a1", "聊城市商务局"), new BulkOperation(BulkAction.Update, "a1", new JsonObject { ["year"] = 2024 })], default);

        var request = Assert.Single(server.Cluster.Requests);
        Assert.Equal(("POST", "/_bulk"), (request.Method, request.Path));
        Assert.Matches(@"^elasticsearch-net/9\.5\.3\+[0-9a-f]+ \(", request.Header("User-Agent"));
        // The 9.5.3 client sends _bulk as plain NDJSON (its JSON requests carry compatible-with=9: see the EnsureIndex test).
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal("application/x-ndjson", request.Header("Content-Type"));
        Assert.Matches(@"^es=9\.5\.3,a=1,net=[0-9.]+,so=[0-9.]+,t=1\.1\.0", request.Header("x-elastic-client-meta"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("elastic:changeme")), request.Header("Authorization"));
        Assert.Equal(
            "{\"index\":{\"_id\":\"a1\",\"_index\":\"reports\"}}\n" +
            "{\"agency\":\"聊城市商务局\",\"year\":2023}\n" +
            "{\"update\":{\"_id\":\"a1\",\"_index\":\"reports\",\"retry_on_conflict\":3}}\n" +
            "{\"doc\":{\"year\":2024}}\n",
            request.Body);
        Assert.True(result.Reached);
        Assert.Equal([201, 200], result.Items.Select(i => i.Status));
        Assert.All(result.Items, i => Assert.Equal(BulkItemOutcome.Succeeded, i.Outcome));
        Assert.Equal(2024, server.Cluster.Documents["a1"]["year"]!.GetValue<int>());
    }

    [Fact]
    public async Task Compression_on_sends_gzip_bodies_the_cluster_reads_back_unchanged()
    {
        var (server, index) = await ReadyAsync(o => o with { Compression = true });
        await using var running = server;

        var result = await index.BulkAsync([Doc("z", "聊城市商务局")], default);

        var request = Assert.Single(server.Cluster.Requests);
        Assert.True(request.Gzipped);
        Assert.Equal("gzip", request.Header("Content-Encoding"));
        Assert.Contains("gzip", request.Header("Accept-Encoding"));
        Assert.Equal("{\"index\":{\"_id\":\"z\",\"_index\":\"reports\"}}\n{\"agency\":\"聊城市商务局\",\"year\":2023}\n", request.Body);
        Assert.True(result.Reached);
    }

    [Fact]
    public async Task An_api_key_is_sent_as_the_ApiKey_scheme_and_health_reads_the_documented_bodies()
    {
        await using var server = await Elasticsearch9Server.StartAsync();
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw"));
        var index = IndexingFixtures.Client(IndexingFixtures.Options(server.Url) with { Username = null, Password = null, ApiKey = encoded });

        var health = await index.HealthAsync(default);

        Assert.Equal(["GET /", "GET /_cluster/health"], server.Cluster.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(server.Cluster.Requests, r => Assert.Equal("ApiKey " + encoded, r.Header("Authorization")));
        Assert.Equal(new ClusterHealth("reports", "yellow", 1, "9.1.5"), health.Value);
        Assert.True(health.Value!.IsUsable);
    }

    [Fact]
    public async Task Item_errors_come_back_per_item_a_429_as_retryable_and_a_strict_mapping_error_as_rejected_with_the_reason()
    {
        var (server, index) = await ReadyAsync();
        await using var running = server;
        server.Cluster.ItemFault = (item, _) => item.Id == "busy" ? EsItemFault.Rejected : null;

        var result = await index.BulkAsync(
            [Doc("ok", "甲"), Doc("busy", "乙"), new BulkOperation(BulkAction.Index, "bad", new JsonObject { ["agencyName"] = "丙" })], default);

        Assert.True(result.Reached);
        Assert.Equal([BulkItemOutcome.Succeeded, BulkItemOutcome.Retryable, BulkItemOutcome.Rejected], result.Items.Select(i => i.Outcome));
        Assert.Equal([201, 429, 400], result.Items.Select(i => i.Status));
        Assert.StartsWith("es_rejected_execution_exception: rejected execution", result.Items[1].Error);
        Assert.Equal("strict_dynamic_mapping_exception: [1:2] mapping set to strict, dynamic introduction of [agencyName] within [_doc] is not allowed", result.Items[2].Error);
        Assert.Equal(["ok"], server.Cluster.Documents.Keys);
        Assert.Single(server.Cluster.Requests); // the client does not retry items itself: the outbox does
    }

    [Fact]
    public async Task A_whole_request_429_or_503_is_a_failure_value_with_the_status_and_the_clusters_reason()
    {
        var (server, index) = await ReadyAsync();
        await using var running = server;

        server.Cluster.Intercept = _ => EsAnswer.TooManyRequests;
        var throttled = await index.BulkAsync([Doc("a", "甲")], default);
        server.Cluster.Intercept = _ => EsAnswer.Unavailable;
        var unavailable = await index.BulkAsync([Doc("a", "甲")], default);

        Assert.False(throttled.Reached);
        Assert.Equal(429, throttled.RequestStatus);
        Assert.Contains("POST /_bulk answered 429: es_rejected_execution_exception: rejected execution of coordinating operation", throttled.RequestError);
        Assert.Equal(503, unavailable.RequestStatus);
        Assert.Contains("state not recovered", unavailable.RequestError);
        Assert.Empty(server.Cluster.Documents);
        Assert.Equal(2, server.Cluster.Requests.Count); // one node: the client does not retry on its own
    }

    [Fact]
    public async Task A_refused_connection_is_a_failure_value_naming_the_node()
    {
        var url = IndexingFixtures.ClosedPort();
        var index = IndexingFixtures.Client(IndexingFixtures.Options(url));

        var result = await index.BulkAsync([Doc("a", "甲")], default);
        var health = await index.HealthAsync(default);

        Assert.False(result.Reached);
        Assert.Null(result.RequestStatus);
        Assert.Contains("cannot reach " + url.AbsoluteUri, result.RequestError);
        Assert.False(health.Succeeded);
        Assert.StartsWith("GET /", health.Error);
    }

    [Fact]
    public async Task A_server_without_the_product_header_is_refused_as_not_Elasticsearch()
    {
        await using var server = await Elasticsearch9Server.StartAsync(new Elasticsearch9Cluster { ProductHeader = false });
        var index = IndexingFixtures.Client(IndexingFixtures.Options(server.Url));

        var health = await index.HealthAsync(default);
        var bulk = await index.BulkAsync([Doc("a", "甲")], default);

        Assert.False(health.Succeeded);
        Assert.Contains("X-Elastic-Product", health.Error);
        Assert.False(bulk.Reached);
        Assert.Contains("did not answer as Elasticsearch", bulk.RequestError);
        Assert.Empty(server.Cluster.Documents);
    }

    [Fact]
    public async Task An_8x_server_refuses_the_compatible_with_9_header_and_the_error_says_to_run_9x()
    {
        await using var server = await Elasticsearch9Server.StartAsync(new Elasticsearch9Cluster { Version = "8.15.3" });
        var index = IndexingFixtures.Client(IndexingFixtures.Options(server.Url));

        var ensure = await index.EnsureIndexAsync(default);

        Assert.False(ensure.Succeeded);
        Assert.Equal(400, ensure.Status);
        Assert.Contains("media_type_header_exception", ensure.Error);
        Assert.Contains("older than Elasticsearch 9", ensure.Error);
        Assert.Empty(server.Cluster.Indices);
    }

    [Fact]
    public async Task A_cluster_that_does_not_answer_in_time_is_a_timeout_failure()
    {
        await using var server = await Elasticsearch9Server.StartAsync(new Elasticsearch9Cluster { Delay = TimeSpan.FromSeconds(4) });
        var index = IndexingFixtures.Client(IndexingFixtures.Options(server.Url) with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await index.CountAsync(new ReportQuery(), default);

        Assert.False(result.Succeeded);
        Assert.Contains("POST /reports-latest/_count", result.Error);
        Assert.Contains("in time", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}: the timeout did not cut the call short");
    }

    [Fact]
    public async Task Search_and_count_send_query_dsl_to_the_aliases_and_read_hits_and_the_year_aggregation()
    {
        var (server, index) = await ReadyAsync(o => o with { Compression = false });
        await using var running = server;
        var document = ReportIndexDocument.Build(IndexingFixtures.Version(new string('a', 64)), isLatest: true, DateTimeOffset.UnixEpoch);
        Assert.True((await index.BulkAsync([new BulkOperation(BulkAction.Index, "r1", document)], default)).Reached);
        server.Cluster.Requests.Clear();

        var count = await index.CountAsync(new ReportQuery { FindingCode = "NO_SUCH_CODE" }, default);
        var search = await index.SearchAsync(new ReportQuery { Text = "政府信息公开", AllVersions = true, Size = 5 }, default);

        Assert.Equal(0, count.Value);
        var hits = search.Value!;
        Assert.Equal(1, hits.Total);
        var hit = Assert.Single(hits.Hits);
        Assert.Equal(("r1", "聊城市商务局", 2023), (hit.Id, hit.Agency, hit.Year));
        Assert.Equal([(2023L, 1L)], hits.ByYear);
        var (countRequest, searchRequest) = (server.Cluster.Requests.First(), server.Cluster.Requests.Last());
        Assert.Equal(("POST", "/reports-latest/_count"), (countRequest.Method, countRequest.Path));
        Assert.Equal("""{"query":{"bool":{"filter":{"term":{"findingCodes":{"value":"NO_SUCH_CODE"}}}}}}""", countRequest.Body);
        Assert.Equal(("POST", "/reports/_search"), (searchRequest.Method, searchRequest.Path));
        Assert.Contains("typed_keys=true", searchRequest.Query);
        var body = JsonNode.Parse(searchRequest.Body)!;
        var must = body["query"]!["bool"]!["must"]!; // the client writes a one-clause list as the clause itself
        var multiMatch = (must is JsonArray clauses ? clauses.Single() : must)!["multi_match"]!;
        Assert.Equal("政府信息公开", multiMatch["query"]!.GetValue<string>());
        Assert.Equal(["title^3", "agency^2", "sections.*", "text", "findingMessages"], multiMatch["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(5, body["size"]!.GetValue<int>());
        Assert.Equal("""{"terms":{"field":"year","size":100}}""", body["aggregations"]!["byYear"]!.ToJsonString());
        Assert.Equal("?_source_includes=agency%2Cyear%2Cversion%2Ctitle%2CdocumentUrl%2CfindingCodes&typed_keys=true", searchRequest.Query);
    }

    [Fact]
    public async Task Ensure_index_checks_the_version_puts_the_template_then_creates_the_missing_index_with_its_aliases()
    {
        await using var server = await Elasticsearch9Server.StartAsync();
        var options = IndexingFixtures.Options(server.Url) with { Compression = false };
        var index = IndexingFixtures.Client(options);

        var first = await index.EnsureIndexAsync(default);
        var requests = server.Cluster.Requests.ToList();
        var second = await index.EnsureIndexAsync(default);

        Assert.True(first.Value);
        Assert.False(second.Value);
        Assert.Equal(["GET /", "PUT /_index_template/reports", "HEAD /reports-v1", "PUT /reports-v1", "POST /_aliases",
            "PUT /_index_template/crawler-compliance", "HEAD /crawler-compliance", "PUT /crawler-compliance"], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.True(JsonNode.DeepEquals(ReportIndexTemplate.Build(options), JsonNode.Parse(requests[1].Body)), requests[1].Body);
        Assert.True(JsonNode.DeepEquals(ComplianceIndexTemplate.Build(options), JsonNode.Parse(requests[5].Body)), requests[5].Body);
        Assert.Contains("政府信息公开工作年度报告", requests[1].Body);
        Assert.All(requests, r => Assert.Equal("application/vnd.elasticsearch+json;compatible-with=9", r.Header("Accept")));
        Assert.All(requests, r => Assert.Matches(@"^elasticsearch-net/9\.5\.3\+[0-9a-f]+ \(", r.Header("User-Agent")));
        Assert.Equal("application/vnd.elasticsearch+json;compatible-with=9", requests[4].Header("Content-Type"));
        Assert.Equal("application/vnd.elasticsearch+json;compatible-with=9", requests[1].Header("Content-Type")); // the raw template JSON, through the transport
        Assert.Equal(WriteAliases, requests[4].Body);
        Assert.Equal(["crawler-compliance", "reports-v1"], server.Cluster.Indices.Order());
        // Again: both indices exist, so each is brought up to its template's mapping instead of being made.
        Assert.Equal(["GET /", "PUT /_index_template/reports", "HEAD /reports-v1", "PUT /reports-v1/_mapping", "POST /_aliases",
                "PUT /_index_template/crawler-compliance", "HEAD /crawler-compliance", "PUT /crawler-compliance/_mapping"],
            server.Cluster.Requests.Skip(requests.Count).Select(r => $"{r.Method} {r.Path}"));
        var mapping = server.Cluster.Requests.Skip(requests.Count).Single(r => r.Path == "/reports-v1/_mapping");
        Assert.True(JsonNode.DeepEquals(ReportIndexTemplate.Build(options)["template"]!["mappings"], JsonNode.Parse(mapping.Body)), mapping.Body);
    }

    /// <summary>
    /// An index made by an older crawler, whose strict mapping lacks fields added since (publishedAt, compliance):
    /// it refuses today's documents until <c>es setup</c> runs, which adds the fields to the live index.
    /// </summary>
    [Fact]
    public async Task Setup_adds_new_fields_to_an_index_made_by_an_older_crawler_so_it_takes_todays_documents()
    {
        await using var server = await Elasticsearch9Server.StartAsync();
        var options = IndexingFixtures.Options(server.Url) with { Compression = false };
        var older = ReportIndexTemplate.Build(options);
        var properties = older["template"]!["mappings"]!["properties"]!.AsObject();
        properties.Remove("publishedAt");
        properties.Remove("compliance");
        await PutRawAsync(server, "/_index_template/reports", older);
        await PutRawAsync(server, "/reports-v1", new JsonObject());
        var index = IndexingFixtures.Client(options);
        var today = new BulkOperation(BulkAction.Index, "r1", new JsonObject
        {
            ["agency"] = "聊城市商务局", ["year"] = 2023, ["publishedAt"] = "2024-02-06",
            ["compliance"] = new JsonObject { ["status"] = "late", ["daysLate"] = 6 },
        });

        var before = await index.BulkAsync([today with { Id = "r0" }], default);
        var setup = await index.EnsureIndexAsync(default);
        var after = await index.BulkAsync([today], default);

        Assert.Contains("strict_dynamic_mapping_exception", Assert.Single(before.Items).Error);
        Assert.True(setup.Succeeded, setup.Error);
        Assert.False(setup.Value); // not created: upgraded
        Assert.Equal(201, Assert.Single(after.Items).Status);
        Assert.Equal(6, server.Cluster.Documents["r1"]["compliance"]!["daysLate"]!.GetValue<int>());
    }

    /// <summary>A field whose type changed cannot be merged into a live index: setup says so and how to move to a new index.</summary>
    [Fact]
    public async Task Setup_on_an_index_whose_field_changed_type_names_the_field_and_the_way_to_a_new_index()
    {
        await using var server = await Elasticsearch9Server.StartAsync();
        var options = IndexingFixtures.Options(server.Url);
        var older = ReportIndexTemplate.Build(options);
        older["template"]!["mappings"]!["properties"]!["year"] = new JsonObject { ["type"] = "keyword" };
        await PutRawAsync(server, "/_index_template/reports", older);
        await PutRawAsync(server, "/reports-v1", new JsonObject());

        var setup = await IndexingFixtures.Client(options).EnsureIndexAsync(default);

        Assert.False(setup.Succeeded);
        Assert.Equal(400, setup.Status);
        Assert.Contains("PUT /reports-v1/_mapping", setup.Error);
        Assert.Contains("mapper [year] cannot be changed from type [keyword] to [integer]", setup.Error);
        Assert.Contains("crawler reindex", setup.Error);
        Assert.DoesNotContain(server.Cluster.Requests, r => r.Path == "/_aliases"); // stopped there: nothing pointed anywhere new
    }

    /// <summary>What an older crawler (or an operator) put on the cluster, sent around the client under test.</summary>
    private static async Task PutRawAsync(Elasticsearch9Server server, string path, JsonObject body)
    {
        using var http = new HttpClient { BaseAddress = server.Url };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(path, content);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_rejected_template_is_reported_with_the_clusters_reason()
    {
        await using var server = await Elasticsearch9Server.StartAsync();
        server.Cluster.Intercept = r => r.Path.StartsWith("/_index_template", StringComparison.Ordinal)
            ? Elasticsearch9Cluster.Error(400, "mapper_parsing_exception", "Failed to parse mapping: analyzer [smartcn] has not been configured in mappings")
            : null;
        var index = IndexingFixtures.Client(IndexingFixtures.Options(server.Url) with { Analyzer = ChineseAnalyzer.Smartcn });

        var result = await index.EnsureIndexAsync(default);

        Assert.False(result.Succeeded);
        Assert.Equal(400, result.Status);
        Assert.Contains("analyzer [smartcn] has not been configured", result.Error);
        Assert.Equal(["GET /", "PUT /_index_template/reports"], server.Cluster.Requests.Select(r => $"{r.Method} {r.Path}"));
    }
}
