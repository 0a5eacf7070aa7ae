using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// <see cref="IReportIndex"/> over HttpClient + System.Text.Json, following the documented REST API:
/// PUT _index_template/{name}, HEAD/PUT {index}, POST _aliases, POST _bulk, POST {target}/_search|_count,
/// GET _cluster/health. Whole requests answered 429/502/503/504, timeouts and refused connections are retried
/// with exponential backoff; then the failure comes back as a value.
/// </summary>
public sealed partial class ElasticsearchRestClient : IReportIndex
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _http;
    private readonly ElasticsearchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ElasticsearchRestClient> _logger;

    public ElasticsearchRestClient(HttpClient http, ElasticsearchOptions options, TimeProvider time, ILogger<ElasticsearchRestClient> logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task<IndexCallResult<bool>> EnsureIndexAsync(CancellationToken cancellationToken)
    {
        var template = await SendAsync(HttpMethod.Put, $"_index_template/{_options.TemplateName}", Json(ReportIndexTemplate.Build(_options)), cancellationToken).ConfigureAwait(false);
        if (!template.Succeeded) return IndexCallResult<bool>.Fail($"index template: {template.Error}", template.Status);

        var exists = await SendAsync(HttpMethod.Head, _options.IndexName, null, cancellationToken, acceptNotFound: true).ConfigureAwait(false);
        if (!exists.Succeeded) return IndexCallResult<bool>.Fail($"index lookup: {exists.Error}", exists.Status);
        var created = false;
        if (exists.Status == 404)
        {
            // The template gives the new index both aliases; the write flag is settled below for every reports-v* index.
            var create = await SendAsync(HttpMethod.Put, _options.IndexName, null, cancellationToken).ConfigureAwait(false);
            var raced = create.Status == 400 && create.Error?.Contains("resource_already_exists_exception", StringComparison.Ordinal) == true;
            if (!create.Succeeded && !raced) return IndexCallResult<bool>.Fail($"create index {_options.IndexName}: {create.Error}", create.Status);
            created = !raced;
        }
        var aliases = await SendAsync(HttpMethod.Post, "_aliases", Json(AliasActions()), cancellationToken).ConfigureAwait(false);
        if (!aliases.Succeeded) return IndexCallResult<bool>.Fail($"aliases: {aliases.Error}", aliases.Status);
        return IndexCallResult<bool>.Ok(created);
    }

    public async Task<BulkResult> BulkAsync(IReadOnlyList<BulkOperation> operations, CancellationToken cancellationToken)
    {
        var final = new Dictionary<BulkOperation, BulkItemResult>(ReferenceEqualityComparer.Instance);
        IReadOnlyList<BulkOperation> pending = operations;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var body = new ByteArrayContent(BulkRequestBody.Write(_options.Alias, pending));
            body.Headers.ContentType = new MediaTypeHeaderValue(BulkRequestBody.MediaType);
            var response = await SendAsync(HttpMethod.Post, "_bulk", body, cancellationToken).ConfigureAwait(false);
            if (!response.Succeeded)
            {
                // Items already settled in an earlier round stay settled; the rest are unknown, so the request failed.
                if (final.Count == 0) return BulkResult.Failed(response.Error!);
                foreach (var operation in pending) final[operation] = new BulkItemResult(operation, response.Status ?? 0, BulkItemOutcome.Retryable, response.Error);
                break;
            }
            var items = BulkResponseReader.Read(response.Value!, pending);
            if (items is null) return BulkResult.Failed("_bulk response has no items matching the request");
            foreach (var item in items) final[item.Operation] = item;
            var retry = items.Where(i => i.Outcome == BulkItemOutcome.Retryable && i.Status is 429 or >= 500).Select(i => i.Operation).ToList();
            if (retry.Count == 0 || attempt >= _options.RequestAttempts) break;
            LogItemsRetried(_logger, retry.Count, attempt);
            await Task.Delay(Backoff(attempt), _time, cancellationToken).ConfigureAwait(false);
            pending = retry;
        }
        return new BulkResult([.. operations.Select(o => final[o])], null);
    }

    public async Task<IndexCallResult<JsonDocument>> SearchAsync(JsonObject body, string? target, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Post, $"{target ?? _options.Alias}/_search", Json(body), cancellationToken).ConfigureAwait(false);
        return response.Succeeded ? IndexCallResult<JsonDocument>.Ok(JsonDocument.Parse(response.Value!)) : IndexCallResult<JsonDocument>.Fail(response.Error!, response.Status);
    }

    public async Task<IndexCallResult<long>> CountAsync(JsonObject? query, string? target, CancellationToken cancellationToken)
    {
        var body = query is null ? null : Json(new JsonObject { ["query"] = query.DeepClone() });
        var response = await SendAsync(query is null ? HttpMethod.Get : HttpMethod.Post, $"{target ?? _options.Alias}/_count", body, cancellationToken).ConfigureAwait(false);
        if (!response.Succeeded) return IndexCallResult<long>.Fail(response.Error!, response.Status);
        using var document = JsonDocument.Parse(response.Value!);
        return IndexCallResult<long>.Ok(document.RootElement.GetProperty("count").GetInt64());
    }

    public async Task<IndexCallResult<ClusterHealth>> HealthAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, "_cluster/health", null, cancellationToken).ConfigureAwait(false);
        if (!response.Succeeded) return IndexCallResult<ClusterHealth>.Fail(response.Error!, response.Status);
        using var document = JsonDocument.Parse(response.Value!);
        var root = document.RootElement;
        return IndexCallResult<ClusterHealth>.Ok(new ClusterHealth(
            root.TryGetProperty("cluster_name", out var name) ? name.GetString() ?? "" : "",
            root.GetProperty("status").GetString() ?? "red",
            root.TryGetProperty("number_of_nodes", out var nodes) ? nodes.GetInt32() : 0));
    }

    /// <summary>
    /// One atomic POST _aliases: every index of the pattern (an older reports-v1 during a migration) stays searchable
    /// under the all-versions alias but stops being written to; the configured index becomes the write index and the
    /// latest-versions alias points at it.
    /// </summary>
    private JsonObject AliasActions() => new()
    {
        ["actions"] = new JsonArray(
            new JsonObject { ["add"] = new JsonObject { ["index"] = ReportIndexTemplate.IndexPattern(_options.IndexName), ["alias"] = _options.Alias, ["is_write_index"] = false } },
            new JsonObject { ["add"] = new JsonObject { ["index"] = _options.IndexName, ["alias"] = _options.Alias, ["is_write_index"] = true } },
            new JsonObject
            {
                ["add"] = new JsonObject
                {
                    ["index"] = _options.IndexName, ["alias"] = _options.LatestAlias,
                    ["filter"] = new JsonObject { ["term"] = new JsonObject { ["isLatest"] = true } },
                },
            }),
    };

    private static ByteArrayContent Json(JsonNode body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString(Compact)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private TimeSpan Backoff(int attempt) => _options.RetryBaseDelay * Math.Pow(2, attempt - 1);

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private async Task<IndexCallResult<string>> SendAsync(HttpMethod method, string path, ByteArrayContent? content, CancellationToken cancellationToken, bool acceptNotFound = false)
    {
        var bytes = content is null ? null : await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            IndexCallResult<string> result;
            try
            {
                using var request = new HttpRequestMessage(method, path);
                if (bytes is not null)
                {
                    request.Content = new ByteArrayContent(bytes);
                    request.Content.Headers.ContentType = content!.Headers.ContentType;
                }
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode || (acceptNotFound && status == 404)) return IndexCallResult<string>.Ok(text, status);
                result = IndexCallResult<string>.Fail($"{method} /{path} answered {status}: {Shorten(text)}", status);
                if (!IsTransient(response.StatusCode)) return result;
            }
            catch (HttpRequestException exception)
            {
                result = IndexCallResult<string>.Fail($"{method} /{path}: cannot reach {_http.BaseAddress}: {exception.Message}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                result = IndexCallResult<string>.Fail($"{method} /{path}: no answer within {_options.RequestTimeout.TotalSeconds:0.#} s");
            }
            if (attempt >= _options.RequestAttempts) return result;
            LogRequestRetried(_logger, result.Error!, attempt);
            await Task.Delay(Backoff(attempt), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Elasticsearch request failed ({Error}); attempt {Attempt}, retrying")]
    private static partial void LogRequestRetried(ILogger logger, string error, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying {Count} bulk items answered 429/5xx (attempt {Attempt})")]
    private static partial void LogItemsRetried(ILogger logger, int count, int attempt);
}
