using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// <see cref="IReportIndex"/> through the official client (Elastic.Clients.Elasticsearch 9): typed requests for the
/// root info, cluster health, index existence and creation, aliases, _bulk with explicit ids, _search and _count; the
/// index template, JSON by nature (<see cref="ReportIndexTemplate"/>), goes as it is through the client's transport.
/// Every call comes back as a value: the client's invalid responses and the exceptions it throws (unreachable
/// nodes, a server that is not Elasticsearch) are turned into a reason at this boundary.
/// </summary>
public sealed class ElasticsearchReportIndex : IReportIndex
{
    /// <summary>The index, title, agency, sections and text fields a search looks in, with their boosts.</summary>
    private static readonly string[] SearchFields = ["title^3", "agency^2", "sections.*", "text", "findingMessages"];

    private static readonly string[] HitFields = ["agency", "year", "version", "title", "documentUrl", "findingCodes"];

    private readonly ElasticsearchClient _client;
    private readonly ElasticsearchOptions _options;

    public ElasticsearchReportIndex(ElasticsearchClient client, ElasticsearchOptions options)
    {
        _client = client;
        _options = options;
    }

    public async Task<IndexCallResult<bool>> EnsureIndexAsync(CancellationToken cancellationToken)
    {
        var version = await CallAsync("GET /", () => _client.InfoAsync(cancellationToken), r => r.Version?.Number ?? "", cancellationToken).ConfigureAwait(false);
        if (!version.Succeeded) return IndexCallResult<bool>.Fail(version.Error!, version.Status);
        if (OlderThan9(version.Value!))
            return IndexCallResult<bool>.Fail($"Elasticsearch {version.Value} is older than 9.x: this crawler's client (Elastic.Clients.Elasticsearch 9) needs a 9.x cluster");

        var reports = ReportIndexTemplate.Build(_options);
        var template = await PutTemplateAsync(_options.TemplateName, reports, cancellationToken).ConfigureAwait(false);
        if (!template.Succeeded) return IndexCallResult<bool>.Fail($"index template: {template.Error}", template.Status);
        // The template gives the new index both aliases; the write flag is settled below for every reports-v* index.
        var created = await CreateOrUpgradeAsync(_options.IndexName, reports, cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded) return created;
        var aliases = await CallAsync("POST /_aliases", () => _client.Indices.UpdateAliasesAsync(AliasActions(), cancellationToken), _ => true, cancellationToken)
            .ConfigureAwait(false);
        if (!aliases.Succeeded) return IndexCallResult<bool>.Fail($"aliases: {aliases.Error}", aliases.Status);

        // The compliance index: its own strict template, and the index made now so that its Kibana data view has fields.
        var complianceTemplate = ComplianceIndexTemplate.Build(_options);
        var compliance = await PutTemplateAsync(_options.ComplianceTemplateName, complianceTemplate, cancellationToken).ConfigureAwait(false);
        if (!compliance.Succeeded) return IndexCallResult<bool>.Fail($"compliance index template: {compliance.Error}", compliance.Status);
        var complianceIndex = await CreateOrUpgradeAsync(_options.ComplianceIndexName, complianceTemplate, cancellationToken).ConfigureAwait(false);
        return complianceIndex.Succeeded ? created : complianceIndex;
    }

    /// <summary>
    /// Creates the index, or brings an existing one up to the template's mapping: a template only shapes indices made
    /// after it, so an index made by an older crawler lacks the fields added since and its strict mapping would refuse
    /// every new document. PUT /{index}/_mapping adds them (Elasticsearch merges new fields into a live index); a field
    /// whose type changed cannot be merged, and the error says how to move to a new index.
    /// </summary>
    private async Task<IndexCallResult<bool>> CreateOrUpgradeAsync(string index, JsonObject template, CancellationToken cancellationToken)
    {
        var created = await CreateIfMissingAsync(index, cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded || created.Value) return created;
        var mapping = await PutJsonAsync($"/{index}/_mapping", (JsonObject)template["template"]!["mappings"]!, cancellationToken).ConfigureAwait(false);
        if (mapping.Succeeded) return created;
        return IndexCallResult<bool>.Fail(mapping.Status == 400
            ? $"{mapping.Error} — the index {index} was made with a mapping this crawler cannot extend; set a new index name "
              + "(Elasticsearch__IndexName or Elasticsearch__ComplianceIndexName, e.g. with -v2), run `crawler es setup`, then `crawler reindex`"
            : mapping.Error!, mapping.Status);
    }

    /// <summary>HEAD then PUT /{index} (the matching template gives it its mapping); true when this call created it.</summary>
    private async Task<IndexCallResult<bool>> CreateIfMissingAsync(string index, CancellationToken cancellationToken)
    {
        var exists = await CallAsync($"HEAD /{index}", () => _client.Indices.ExistsAsync(index, cancellationToken),
            r => r.Exists, cancellationToken, acceptStatus: 404).ConfigureAwait(false);
        if (!exists.Succeeded) return IndexCallResult<bool>.Fail($"index lookup: {exists.Error}", exists.Status);
        if (exists.Value) return IndexCallResult<bool>.Ok(false);
        var create = await CallAsync($"PUT /{index}", () => _client.Indices.CreateAsync(index, cancellationToken), _ => true, cancellationToken).ConfigureAwait(false);
        var raced = create.Status == 400 && create.Error?.Contains("resource_already_exists_exception", StringComparison.Ordinal) == true;
        if (!create.Succeeded && !raced) return IndexCallResult<bool>.Fail($"create index {index}: {create.Error}", create.Status);
        return IndexCallResult<bool>.Ok(!raced);
    }

    public async Task<BulkResult> BulkAsync(IReadOnlyList<BulkOperation> operations, CancellationToken cancellationToken)
    {
        var request = new BulkRequest { Operations = [.. operations.Select(ToBulkOperation)] };
        var result = await CallAsync("POST /_bulk", () => _client.BulkAsync(request, cancellationToken), r => r, cancellationToken, itemErrorsAreValid: true)
            .ConfigureAwait(false);
        if (!result.Succeeded) return BulkResult.Failed(result.Error!, result.Status);
        var items = result.Value!.Items?.ToList() ?? [];
        if (items.Count != operations.Count)
            return BulkResult.Failed($"POST /_bulk: the answer has {items.Count} items for {operations.Count} operations", result.Status);
        return new BulkResult([.. operations.Select((operation, i) => Item(operation, items[i]))], null);
    }

    public async Task<IndexCallResult<ReportHits>> SearchAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        var target = Target(query);
        var request = new SearchRequest(target)
        {
            Query = Query(query),
            Size = query.Size,
            SourceIncludes = HitFields,
            Aggregations = new Dictionary<string, Aggregation> { ["byYear"] = new TermsAggregation { Field = "year", Size = 100 } },
        };
        return await CallAsync($"POST /{target}/_search", () => _client.SearchAsync<JsonObject>(request, cancellationToken), Hits, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<IndexCallResult<long>> CountAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        var target = Target(query);
        var request = new CountRequest(target) { Query = Query(query) };
        return await CallAsync($"POST /{target}/_count", () => _client.CountAsync(request, cancellationToken), r => r.Count, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IndexCallResult<ClusterHealth>> HealthAsync(CancellationToken cancellationToken)
    {
        var info = await CallAsync("GET /", () => _client.InfoAsync(cancellationToken), r => r.Version?.Number ?? "", cancellationToken).ConfigureAwait(false);
        if (!info.Succeeded) return IndexCallResult<ClusterHealth>.Fail(info.Error!, info.Status);
        return await CallAsync("GET /_cluster/health", () => _client.Cluster.HealthAsync(cancellationToken),
            r => new ClusterHealth(r.ClusterName ?? "", r.Status.ToString().ToLowerInvariant(), r.NumberOfNodes, info.Value!), cancellationToken).ConfigureAwait(false);
    }

    private static bool OlderThan9(string version) =>
        int.TryParse(version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) && major < 9;

    /// <summary>PUT _index_template/{name} with the template's own JSON, through the client's transport.</summary>
    private Task<IndexCallResult<bool>> PutTemplateAsync(string name, JsonObject template, CancellationToken cancellationToken) =>
        PutJsonAsync($"/_index_template/{name}", template, cancellationToken);

    /// <summary>PUT of a JSON body the typed client has no model for (a template, a mapping), sent as written.</summary>
    private async Task<IndexCallResult<bool>> PutJsonAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        var call = $"PUT {path}";
        try
        {
            var response = await _client.Transport.RequestAsync<StringResponse>(Elastic.Transport.HttpMethod.PUT, path,
                PostData.String(body.ToJsonString(ElasticsearchFailure.CompactJson)), cancellationToken).ConfigureAwait(false);
            return response.ApiCallDetails.HasSuccessfulStatusCode
                ? IndexCallResult<bool>.Ok(true, response.ApiCallDetails.HttpStatusCode ?? 200)
                : IndexCallResult<bool>.Fail(ElasticsearchFailure.Describe(call, response.ApiCallDetails, response.Body), response.ApiCallDetails.HttpStatusCode);
        }
        catch (Exception exception) when (ElasticsearchFailure.IsBoundary(exception, cancellationToken))
        {
            return IndexCallResult<bool>.Fail(ElasticsearchFailure.Describe(call, exception, _options));
        }
    }

    /// <summary>
    /// Sends one typed request and reads its answer. Invalid answers and the exceptions the client throws become a
    /// failure naming the call; <paramref name="acceptStatus"/> is a status that is an answer, not a failure (404 for
    /// HEAD); with <paramref name="itemErrorsAreValid"/> a 200 whose items carry errors is read as an answer (_bulk).
    /// </summary>
    private async Task<IndexCallResult<T>> CallAsync<TResponse, T>(string call, Func<Task<TResponse>> send, Func<TResponse, T> read,
        CancellationToken cancellationToken, int? acceptStatus = null, bool itemErrorsAreValid = false) where TResponse : ElasticsearchResponse
    {
        try
        {
            var response = await send().ConfigureAwait(false);
            var details = response.ApiCallDetails;
            var status = details.HttpStatusCode;
            var answered = response.IsValidResponse || (status is not null && status == acceptStatus)
                || (itemErrorsAreValid && details.HasSuccessfulStatusCode && details.OriginalException is null);
            return answered
                ? IndexCallResult<T>.Ok(read(response), status ?? 200)
                : IndexCallResult<T>.Fail(ElasticsearchFailure.Describe(call, details, response.ElasticsearchServerError), status);
        }
        catch (Exception exception) when (ElasticsearchFailure.IsBoundary(exception, cancellationToken))
        {
            return IndexCallResult<T>.Fail(ElasticsearchFailure.Describe(call, exception, _options));
        }
    }

    private IBulkOperation ToBulkOperation(BulkOperation operation)
    {
        var index = operation.Target == IndexTarget.Compliance ? _options.ComplianceIndexName : _options.Alias;
        return operation.Action switch
        {
            BulkAction.Update => new BulkUpdateOperation<JsonObject, JsonObject>(operation.Id) { Index = index, Doc = operation.Body, RetryOnConflict = 3 },
            _ => new BulkIndexOperation<JsonObject>(operation.Body) { Id = operation.Id, Index = index },
        };
    }

    private static BulkItemResult Item(BulkOperation operation, ResponseItem item)
    {
        var outcome = item.Status switch
        {
            >= 200 and < 300 => BulkItemOutcome.Succeeded,
            429 or >= 500 => BulkItemOutcome.Retryable,
            // The superseded version is not indexed yet (its own message is still queued): later it will be.
            404 when operation.Action == BulkAction.Update => BulkItemOutcome.Retryable,
            _ => BulkItemOutcome.Rejected,
        };
        return new BulkItemResult(operation, item.Status, outcome, item.Error is { } error ? Describe(error) : null);
    }

    private static string Describe(Elastic.Clients.Elasticsearch.ErrorCause error) =>
        $"{error.Type}: {error.Reason}" + (error.CausedBy?.Reason is { } cause ? $" (caused by: {cause})" : "");

    private string Target(ReportQuery query) => query.AllVersions ? _options.Alias : _options.LatestAlias;

    private static Query Query(ReportQuery query)
    {
        var must = new List<Query>();
        if (!string.IsNullOrWhiteSpace(query.Text)) must.Add(new MultiMatchQuery { Query = query.Text, Fields = SearchFields });
        var filter = new List<Query>();
        if (!string.IsNullOrWhiteSpace(query.FindingCode)) filter.Add(new TermQuery { Field = "findingCodes", Value = query.FindingCode });
        if (must.Count == 0 && filter.Count == 0) return new MatchAllQuery();
        return new BoolQuery { Must = must.Count == 0 ? null : must, Filter = filter.Count == 0 ? null : filter };
    }

    private static ReportHits Hits(SearchResponse<JsonObject> response)
    {
        var hits = response.Hits.Select(hit =>
        {
            var source = hit.Source ?? [];
            return new ReportHit(hit.Id ?? "", Text(source["agency"]), Number(source["year"]), Number(source["version"]), Text(source["title"]), Text(source["documentUrl"]),
                [.. (source["findingCodes"] as JsonArray ?? []).Select(Text)]);
        }).ToList();
        var byYear = response.Aggregations?.GetLongTerms("byYear")?.Buckets.Select(b => (b.Key, b.DocCount)).ToList() ?? [];
        return new ReportHits(response.Total, hits, byYear);
    }

    private static string Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString() ?? "";

    private static int? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    /// <summary>
    /// One atomic POST _aliases: every index of the pattern (an older reports-v1 during a migration) stays searchable
    /// under the all-versions alias but stops being written to; the configured index becomes the write index and the
    /// latest-versions alias points at it.
    /// </summary>
    private UpdateAliasesRequest AliasActions() => new()
    {
        Actions =
        [
            new IndexUpdateAliasesAction { Add = new AddAction { Index = ReportIndexTemplate.IndexPattern(_options.IndexName), Alias = _options.Alias, IsWriteIndex = false } },
            new IndexUpdateAliasesAction { Add = new AddAction { Index = _options.IndexName, Alias = _options.Alias, IsWriteIndex = true } },
            new IndexUpdateAliasesAction
            {
                Add = new AddAction { Index = _options.IndexName, Alias = _options.LatestAlias, Filter = new TermQuery { Field = "isLatest", Value = true } },
            },
        ],
    };
}
