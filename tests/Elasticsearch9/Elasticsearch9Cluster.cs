using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Crawler.Testing.Elasticsearch;

/// <summary>
/// An in-memory stand-in for an Elasticsearch 9 cluster that answers the REST calls the crawler makes the way
/// Elasticsearch documents them: the <c>X-Elastic-Product: Elasticsearch</c> header on every answer, the content type
/// the request's Accept asked for (<c>application/vnd.elasticsearch+json;compatible-with=9</c> or JSON), a 400
/// <c>media_type_header_exception</c> for a compatibility version it does not speak, gzip request bodies, and the
/// documented bodies of GET /, _cluster/health, _index_template, index HEAD/PUT, _aliases, _bulk (per-item statuses,
/// a strict mapping enforced from the template that was put), _search (typed_keys aggregation names) and _count.
/// It keeps documents, so a test can read what was indexed. Faults are injected with <see cref="Intercept"/> (a whole
/// request) and <see cref="ItemFault"/> (one bulk item); <see cref="Version"/> 8.x makes it refuse compatible-with=9
/// as an 8.x server does. Only the cluster is simulated: the crawler's side is the real client.
/// </summary>
internal sealed class Elasticsearch9Cluster
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly object _gate = new();
    private readonly Dictionary<string, IndexState> _indices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AliasState> _aliases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _itemAttempts = new(StringComparer.Ordinal);
    private long _seqNo;

    public string ClusterName { get; init; } = "reports";

    /// <summary>The version GET / reports; an 8.x version also refuses compatible-with=9 headers.</summary>
    public string Version { get; set; } = "9.1.5";

    public string HealthStatus { get; set; } = "yellow";

    /// <summary>False: answer without the X-Elastic-Product header, as a proxy or another product would.</summary>
    public bool ProductHeader { get; set; } = true;

    /// <summary>A canned answer for a whole request (a 429, a 503, a 401), or null to answer normally.</summary>
    public Func<EsRequest, EsAnswer?>? Intercept { get; set; }

    /// <summary>
    /// A failure for one bulk item — given the item and how many times (1-based) an item with this action and id has
    /// been received — or null to apply it.
    /// </summary>
    public Func<BulkItem, int, EsItemFault?>? ItemFault { get; set; }

    /// <summary>Waited before answering (a slow cluster).</summary>
    public TimeSpan Delay { get; set; }

    public ConcurrentQueue<EsRequest> Requests { get; } = new();

    /// <summary>Every bulk item received, in order, whatever became of it.</summary>
    public ConcurrentQueue<BulkItem> BulkItems { get; } = new();

    /// <summary>The documents stored, by id, across indices.</summary>
    public IReadOnlyDictionary<string, JsonObject> Documents
    {
        get
        {
            lock (_gate) return _indices.Values.SelectMany(i => i.Documents).ToDictionary(d => d.Key, d => (JsonObject)d.Value.Source.DeepClone(), StringComparer.Ordinal);
        }
    }

    public IReadOnlyList<string> Indices
    {
        get
        {
            lock (_gate) return [.. _indices.Keys];
        }
    }

    public JsonObject? Template(string name)
    {
        lock (_gate) return _templates.TryGetValue(name, out var template) ? (JsonObject)template.DeepClone() : null;
    }

    /// <summary>How many bulk items with this action and id were received.</summary>
    public int Received(string action, string id) => _itemAttempts.GetValueOrDefault($"{action} {id}");

    public async Task HandleAsync(HttpContext context)
    {
        var request = await ReadAsync(context.Request);
        Requests.Enqueue(request);
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, context.RequestAborted);
        var answer = Intercept?.Invoke(request) ?? Compatibility(request) ?? Route(request);
        if (ProductHeader) context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = ResponseContentType(request);
        if (request.Method != "HEAD" && answer.Body.Length > 0) await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }

    private static async Task<EsRequest> ReadAsync(HttpRequest http)
    {
        var headers = http.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Stream body = http.Body;
        var gzip = headers.TryGetValue("Content-Encoding", out var encoding) && encoding.Contains("gzip", StringComparison.OrdinalIgnoreCase);
        if (gzip) body = new GZipStream(body, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        return new EsRequest(http.Method, http.Path.Value ?? "/", http.QueryString.Value ?? "", headers, Encoding.UTF8.GetString(buffer.ToArray()), gzip);
    }

    private static int? CompatibleWith(string? mediaType)
    {
        const string marker = "compatible-with=";
        var at = mediaType?.IndexOf(marker, StringComparison.OrdinalIgnoreCase) ?? -1;
        if (at < 0) return null;
        var digits = new string(mediaType![(at + marker.Length)..].TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
    }

    private int Major => int.Parse(Version.Split('.')[0], CultureInfo.InvariantCulture);

    /// <summary>Elasticsearch N accepts compatible-with=N and N−1; Accept and Content-Type must agree when both carry one.</summary>
    private EsAnswer? Compatibility(EsRequest request)
    {
        var accept = CompatibleWith(request.Header("Accept"));
        var content = request.Body.Length > 0 ? CompatibleWith(request.Header("Content-Type")) : null;
        var supported = new[] { Major, Major - 1 };
        var bad = (accept is { } a && !supported.Contains(a)) || (content is { } c && !supported.Contains(c)) || (accept is not null && content is not null && accept != content);
        if (!bad) return null;
        var detail = $"A compatible version is required on both Content-Type and Accept headers if either one has requested a compatible version and the compatible versions must match. Content-Type={request.Header("Content-Type") ?? "null"}, Accept={request.Header("Accept") ?? "null"}";
        return Error(400, "media_type_header_exception", "Invalid media-type value on headers [Accept, Content-Type]",
            new JsonObject { ["type"] = "status_exception", ["reason"] = detail });
    }

    private static string ResponseContentType(EsRequest request) =>
        CompatibleWith(request.Header("Accept")) is { } version and > 0 ? $"application/vnd.elasticsearch+json;compatible-with={version}" : "application/json";

    private EsAnswer Route(EsRequest request)
    {
        var segments = request.Path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            return (request.Method, segments) switch
            {
                ("HEAD", []) => new EsAnswer(200, ""),
                ("GET", []) => new EsAnswer(200, RootInfo()),
                ("GET", ["_cluster", "health"]) => new EsAnswer(200, Health()),
                ("PUT" or "POST", ["_index_template", var name]) => PutTemplate(name, request.Body),
                ("POST", ["_aliases"]) => UpdateAliases(request.Body),
                ("POST" or "PUT", ["_bulk"]) => Bulk(request.Body),
                ("GET" or "POST", [var target, "_search"]) => Search(target, request),
                ("GET" or "POST", [var target, "_count"]) => Count(target, request.Body),
                ("HEAD", [var index]) => new EsAnswer(Exists(index) ? 200 : 404, ""),
                ("PUT", [var index]) => CreateIndex(index, request.Body),
                ("PUT" or "POST", [var index, "_mapping"]) => PutMapping(index, request.Body),
                _ => new EsAnswer(400, new JsonObject { ["error"] = $"no handler found for uri [{request.Path}] and method [{request.Method}]" }.ToJsonString()),
            };
        }
        catch (JsonException exception)
        {
            return Error(400, "x_content_parse_exception", $"[1:1] {exception.Message}");
        }
    }

    private string RootInfo() => new JsonObject
    {
        ["name"] = "es01",
        ["cluster_name"] = ClusterName,
        ["cluster_uuid"] = "hQ7N2VbJTmWcBMvO5XrG9A",
        ["version"] = new JsonObject
        {
            ["number"] = Version,
            ["build_flavor"] = "default",
            ["build_type"] = "docker",
            ["build_hash"] = "0e6b3f5d4ad8b8ac8f4d4d8a0dd6c1e9ffa4b3a2",
            ["build_date"] = "2025-10-02T22:07:12.966975992Z",
            ["build_snapshot"] = false,
            ["lucene_version"] = Major >= 9 ? "10.2.2" : "9.11.1",
            ["minimum_wire_compatibility_version"] = Major >= 9 ? "8.19.0" : "7.17.0",
            ["minimum_index_compatibility_version"] = Major >= 9 ? "8.0.0" : "7.0.0",
        },
        ["tagline"] = "You Know, for Search",
    }.ToJsonString();

    private string Health()
    {
        int shards;
        lock (_gate) shards = _indices.Count;
        return new JsonObject
        {
            ["cluster_name"] = ClusterName,
            ["status"] = HealthStatus,
            ["timed_out"] = false,
            ["number_of_nodes"] = 1,
            ["number_of_data_nodes"] = 1,
            ["active_primary_shards"] = shards,
            ["active_shards"] = shards,
            ["relocating_shards"] = 0,
            ["initializing_shards"] = 0,
            ["unassigned_shards"] = HealthStatus == "green" ? 0 : shards,
            ["unassigned_primary_shards"] = 0,
            ["delayed_unassigned_shards"] = 0,
            ["number_of_pending_tasks"] = 0,
            ["number_of_in_flight_fetch"] = 0,
            ["task_max_waiting_in_queue_millis"] = 0,
            ["active_shards_percent_as_number"] = HealthStatus == "green" || shards == 0 ? 100.0 : 50.0,
        }.ToJsonString();
    }

    private EsAnswer PutTemplate(string name, string body)
    {
        var template = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("the template is not an object");
        if (template["index_patterns"] is null)
            return Error(400, "action_request_validation_exception", "Validation Failed: 1: index patterns are missing;");
        lock (_gate) _templates[name] = template;
        return Acknowledged();
    }

    /// <summary>
    /// PUT /{index}/_mapping as Elasticsearch 9 merges it: new fields are added to the index's mapping, a field given
    /// its present definition again is accepted, and a field whose type would change is refused
    /// (illegal_argument_exception "mapper [f] cannot be changed from type [a] to [b]"), changing nothing.
    /// </summary>
    private EsAnswer PutMapping(string name, string body)
    {
        var update = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("the mapping is not an object");
        lock (_gate)
        {
            if (!_indices.TryGetValue(name, out var index))
                return Error(404, "index_not_found_exception", $"no such index [{name}]", index: name);
            var merged = (JsonObject)(index.Mappings?.DeepClone() ?? new JsonObject());
            if (Merge(merged, update, "") is { } conflict) return Error(400, "illegal_argument_exception", conflict);
            index.Replace(merged);
        }
        return Acknowledged();
    }

    private static string? Merge(JsonObject target, JsonObject update, string prefix)
    {
        foreach (var (key, value) in update)
        {
            if (key != "properties" || value is not JsonObject properties)
            {
                target[key] = value?.DeepClone();
                continue;
            }
            if (target["properties"] is not JsonObject existing) target["properties"] = existing = new JsonObject();
            foreach (var (field, definition) in properties)
            {
                if (definition is not JsonObject added) continue;
                if (existing[field] is not JsonObject present)
                {
                    existing[field] = added.DeepClone();
                    continue;
                }
                var before = present["type"]?.GetValue<string>() ?? "object";
                var after = added["type"]?.GetValue<string>() ?? "object";
                if (before != after) return $"mapper [{prefix}{field}] cannot be changed from type [{before}] to [{after}]";
                if (Merge(present, added, $"{prefix}{field}.") is { } conflict) return conflict;
            }
        }
        return null;
    }

    private bool Exists(string name)
    {
        lock (_gate) return _indices.ContainsKey(name) || _aliases.ContainsKey(name);
    }

    private EsAnswer CreateIndex(string name, string body)
    {
        lock (_gate)
        {
            if (_indices.ContainsKey(name))
                return Error(400, "resource_already_exists_exception", $"index [{name}/Lq4BI6fITSqVAFjMw9Ltkw] already exists", index: name);
            CreateIndexLocked(name);
        }
        return new EsAnswer(200, new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true, ["index"] = name }.ToJsonString());
    }

    /// <summary>A new index takes the mappings and aliases of the highest-priority template whose pattern matches.</summary>
    private IndexState CreateIndexLocked(string name)
    {
        var template = _templates.Values
            .Where(t => t["index_patterns"] is JsonArray patterns && patterns.Any(p => Matches(p!.GetValue<string>(), name)))
            .OrderByDescending(t => t["priority"]?.GetValue<int>() ?? 0).FirstOrDefault();
        var state = new IndexState(name, template?["template"]?["mappings"] as JsonObject);
        _indices[name] = state;
        if (template?["template"]?["aliases"] is JsonObject aliases)
        {
            foreach (var (alias, definition) in aliases) AddAliasLocked(name, alias, definition?["filter"] as JsonObject, null);
        }
        return state;
    }

    private static bool Matches(string pattern, string name) =>
        pattern.EndsWith('*') ? name.StartsWith(pattern[..^1], StringComparison.Ordinal) : pattern == name;

    private EsAnswer UpdateAliases(string body)
    {
        var actions = JsonNode.Parse(body)?["actions"] as JsonArray ?? throw new JsonException("[actions] is required");
        lock (_gate)
        {
            foreach (var action in actions.OfType<JsonObject>())
            {
                if (action["add"] is not JsonObject add) continue;
                var alias = add["alias"]!.GetValue<string>();
                var pattern = add["index"]!.GetValue<string>();
                var matched = _indices.Keys.Where(i => Matches(pattern, i)).ToList();
                if (matched.Count == 0) return Error(404, "index_not_found_exception", $"no such index [{pattern}]", index: pattern);
                foreach (var index in matched) AddAliasLocked(index, alias, add["filter"] as JsonObject, add["is_write_index"]?.GetValue<bool>());
            }
        }
        return new EsAnswer(200, new JsonObject { ["acknowledged"] = true, ["errors"] = false }.ToJsonString());
    }

    private void AddAliasLocked(string index, string alias, JsonObject? filter, bool? isWriteIndex)
    {
        if (!_aliases.TryGetValue(alias, out var state)) _aliases[alias] = state = new AliasState();
        state.Indices[index] = (filter, isWriteIndex);
    }

    /// <summary>The index a write to <paramref name="target"/> goes to: the index itself, an alias's write index, or a new index.</summary>
    private IndexState WriteIndexLocked(string target, out string? error)
    {
        error = null;
        if (_indices.TryGetValue(target, out var index)) return index;
        if (_aliases.TryGetValue(target, out var alias))
        {
            var writers = alias.Indices.Where(i => i.Value.IsWriteIndex == true).Select(i => i.Key).ToList();
            if (writers.Count == 0 && alias.Indices.Count == 1) writers = [.. alias.Indices.Keys];
            if (writers.Count == 1) return _indices[writers[0]];
            error = $"no write index is defined for alias [{target}]. The write index may be explicitly disabled using is_write_index=false or the alias points to multiple indices without one being designated as a write index";
            return null!;
        }
        return CreateIndexLocked(target); // action.auto_create_index is true by default
    }

    private EsAnswer Bulk(string body)
    {
        var lines = body.Split('\n');
        if (body.Length > 0 && !body.EndsWith('\n'))
            return Error(400, "illegal_argument_exception", "The bulk request must be terminated by a newline [\\n]");
        var items = new JsonArray();
        var errors = false;
        for (var i = 0; i < lines.Length && lines[i].Length > 0; i += 2)
        {
            var action = JsonNode.Parse(lines[i])!.AsObject().Single();
            var meta = action.Value!.AsObject();
            var source = i + 1 < lines.Length ? lines[i + 1] : "";
            var item = new BulkItem(action.Key, meta["_id"]?.GetValue<string>() ?? "", meta["_index"]?.GetValue<string>() ?? "", source);
            BulkItems.Enqueue(item);
            var attempt = _itemAttempts.AddOrUpdate($"{item.Action} {item.Id}", 1, (_, n) => n + 1);
            var answer = ItemFault?.Invoke(item, attempt) is { } fault ? FaultItem(item, fault) : ApplyItem(item, meta);
            errors |= answer["status"]!.GetValue<int>() >= 300;
            items.Add(new JsonObject { [item.Action] = answer });
        }
        return new EsAnswer(200, new JsonObject { ["errors"] = errors, ["took"] = 3, ["items"] = items }.ToJsonString(Relaxed));
    }

    private static JsonObject FaultItem(BulkItem item, EsItemFault fault) => new()
    {
        ["_index"] = "reports-v1",
        ["_id"] = item.Id,
        ["status"] = fault.Status,
        ["error"] = new JsonObject { ["type"] = fault.Type, ["reason"] = fault.Reason },
    };

    private JsonObject ApplyItem(BulkItem item, JsonObject meta)
    {
        lock (_gate)
        {
            var index = WriteIndexLocked(item.Index, out var noWriteIndex);
            if (noWriteIndex is not null) return ItemError(item.Index, item.Id, 400, "illegal_argument_exception", noWriteIndex);
            var id = item.Id.Length > 0 ? item.Id : Guid.NewGuid().ToString("N")[..20];
            JsonObject document;
            switch (item.Action)
            {
                case "index" or "create":
                    document = JsonNode.Parse(item.Source) as JsonObject ?? throw new JsonException("the document is not an object");
                    if (item.Action == "create" && index.Documents.ContainsKey(id))
                        return ItemError(index.Name, id, 409, "version_conflict_engine_exception", $"[{id}]: version conflict, document already exists (current version [1])");
                    break;
                case "update":
                    if (!index.Documents.TryGetValue(id, out var existing))
                        return ItemError(index.Name, id, 404, "document_missing_exception", $"[{id}]: document missing");
                    var partial = JsonNode.Parse(item.Source)?["doc"] as JsonObject ?? throw new JsonException("[doc] is required");
                    document = (JsonObject)existing.Source.DeepClone();
                    Merge(document, partial);
                    if (JsonNode.DeepEquals(document, existing.Source)) return Done(index.Name, id, existing.Version, "noop", 200);
                    break;
                default:
                    return ItemError(index.Name, id, 400, "illegal_argument_exception", $"Malformed action/metadata line, expected one of [create, delete, index, update] but found [{item.Action}]");
            }
            if (index.Mapping.Check(document, id) is { } mappingError) return ItemError(index.Name, id, 400, mappingError.Type, mappingError.Reason);
            var created = !index.Documents.TryGetValue(id, out var previous);
            var version = (previous?.Version ?? 0) + 1;
            index.Documents[id] = new StoredDocument(document, version);
            return Done(index.Name, id, version, created ? "created" : "updated", created ? 201 : 200);
        }
    }

    private JsonObject Done(string index, string id, long version, string result, int status) => new()
    {
        ["_index"] = index,
        ["_id"] = id,
        ["_version"] = version,
        ["result"] = result,
        ["_shards"] = new JsonObject { ["total"] = 2, ["successful"] = 1, ["failed"] = 0 },
        ["_seq_no"] = Interlocked.Increment(ref _seqNo) - 1,
        ["_primary_term"] = 1,
        ["status"] = status,
    };

    private static JsonObject ItemError(string index, string id, int status, string type, string reason) => new()
    {
        ["_index"] = index,
        ["_id"] = id,
        ["status"] = status,
        ["error"] = new JsonObject { ["type"] = type, ["reason"] = reason, ["index_uuid"] = "Lq4BI6fITSqVAFjMw9Ltkw", ["shard"] = "0", ["index"] = index },
    };

    private static void Merge(JsonObject target, JsonObject partial)
    {
        foreach (var (key, value) in partial)
        {
            if (value is JsonObject child && target[key] is JsonObject existing) Merge(existing, child);
            else target[key] = value?.DeepClone();
        }
    }

    private EsAnswer Search(string target, EsRequest request)
    {
        var body = request.Body.Length > 0 ? JsonNode.Parse(request.Body)!.AsObject() : [];
        var matched = Query(target, body["query"] as JsonObject);
        if (matched is null) return IndexNotFound(target);
        var size = body["size"]?.GetValue<int>() ?? 10;
        var includes = QueryParameter(request.Query, "_source_includes")?.Split(',');
        var typedKeys = QueryParameter(request.Query, "typed_keys") == "true";
        var hits = new JsonArray();
        foreach (var (index, id, source, score) in matched.OrderByDescending(m => m.Score).ThenBy(m => m.Id, StringComparer.Ordinal).Take(size))
        {
            hits.Add(new JsonObject { ["_index"] = index, ["_id"] = id, ["_score"] = score, ["_source"] = Filter(source, includes) });
        }
        var response = new JsonObject
        {
            ["took"] = 2,
            ["timed_out"] = false,
            ["_shards"] = Shards(),
            ["hits"] = new JsonObject
            {
                ["total"] = new JsonObject { ["value"] = matched.Count, ["relation"] = "eq" },
                ["max_score"] = matched.Count == 0 ? null : matched.Max(m => m.Score),
                ["hits"] = hits,
            },
        };
        if ((body["aggregations"] ?? body["aggs"]) is JsonObject aggregations) response["aggregations"] = Aggregate(aggregations, matched, typedKeys);
        return new EsAnswer(200, response.ToJsonString(Relaxed));
    }

    private EsAnswer Count(string target, string body)
    {
        var query = body.Length > 0 ? JsonNode.Parse(body)?["query"] as JsonObject : null;
        var matched = Query(target, query);
        return matched is null ? IndexNotFound(target) : new EsAnswer(200, new JsonObject { ["count"] = matched.Count, ["_shards"] = Shards() }.ToJsonString());
    }

    private static JsonObject Shards() => new() { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 };

    private static EsAnswer IndexNotFound(string target) => Error(404, "index_not_found_exception", $"no such index [{target}]", index: target);

    /// <summary>The documents of a target (an index or an alias, with the alias's filter) that match the query, with a score.</summary>
    private List<(string Index, string Id, JsonObject Source, double Score)>? Query(string target, JsonObject? query)
    {
        lock (_gate)
        {
            IEnumerable<(IndexState Index, JsonObject? Filter)> sources;
            if (_indices.TryGetValue(target, out var single)) sources = [(single, null)];
            else if (_aliases.TryGetValue(target, out var alias)) sources = alias.Indices.Select(i => (_indices[i.Key], i.Value.Filter));
            else return null;
            var matched = new List<(string, string, JsonObject, double)>();
            foreach (var (index, filter) in sources)
            {
                foreach (var (id, stored) in index.Documents)
                {
                    if (filter is not null && Score(filter, stored.Source) is null) continue;
                    if ((query is null ? 1.0 : Score(query, stored.Source)) is { } score) matched.Add((index.Name, id, (JsonObject)stored.Source.DeepClone(), score));
                }
            }
            return matched;
        }
    }

    /// <summary>match_all, term, terms, match, multi_match (any CJK bigram or word of the query, fields with wildcards and boosts) and bool; null = no match.</summary>
    private static double? Score(JsonObject query, JsonObject document)
    {
        var (kind, clause) = query.Single();
        switch (kind)
        {
            case "match_all":
                return 1.0;
            case "term":
            {
                var (field, condition) = clause!.AsObject().Single();
                var wanted = condition is JsonObject o ? o["value"] : condition;
                return Values(document, field).Any(v => JsonNode.DeepEquals(v, wanted)) ? 1.0 : null;
            }
            case "terms":
            {
                var (field, wanted) = clause!.AsObject().Single();
                return Values(document, field).Any(v => wanted!.AsArray().Any(w => JsonNode.DeepEquals(v, w))) ? 1.0 : null;
            }
            case "match":
            {
                var (field, condition) = clause!.AsObject().Single();
                var text = condition is JsonObject o ? o["query"]!.GetValue<string>() : condition!.GetValue<string>();
                return TextScore(document, [field], text);
            }
            case "multi_match":
                return TextScore(document, [.. clause!["fields"]!.AsArray().Select(f => f!.GetValue<string>().Split('^')[0])], clause["query"]!.GetValue<string>());
            case "bool":
            {
                var score = 0.0;
                foreach (var must in Clauses(clause, "must").Concat(Clauses(clause, "filter")))
                {
                    if (Score(must, document) is not { } s) return null;
                    score += must == null ? 0 : s;
                }
                if (Clauses(clause, "must_not").Any(c => Score(c, document) is not null)) return null;
                var should = Clauses(clause, "should").Select(c => Score(c, document)).ToList();
                if (should.Count > 0 && !Clauses(clause, "must").Concat(Clauses(clause, "filter")).Any() && should.All(s => s is null)) return null;
                return Math.Max(score + should.Sum(s => s ?? 0), 1.0);
            }
            default:
                throw new JsonException($"[{kind}] query is not simulated");
        }
    }

    private static IEnumerable<JsonObject> Clauses(JsonNode? clause, string name) => clause?[name] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject single => [single],
        _ => [],
    };

    private static double? TextScore(JsonObject document, IReadOnlyList<string> fields, string query)
    {
        var terms = Terms(query);
        var text = string.Join("\n", fields.SelectMany(f => Values(document, f)).Select(v => v is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : v?.ToJsonString()));
        var hits = terms.Count(t => text.Contains(t, StringComparison.OrdinalIgnoreCase));
        return hits == 0 ? null : hits;
    }

    /// <summary>What the cjk analyzer makes of a query: overlapping bigrams of CJK runs, whole words otherwise.</summary>
    private static List<string> Terms(string query)
    {
        var terms = new List<string>();
        foreach (var word in query.Split([' ', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= 2 && word.All(c => c >= '\u3400')) terms.AddRange(Enumerable.Range(0, word.Length - 1).Select(i => word.Substring(i, 2)));
            else terms.Add(word);
        }
        return terms;
    }

    /// <summary>The values at a dotted field path ("sections.*" expands); arrays give each element.</summary>
    private static IEnumerable<JsonNode?> Values(JsonNode? node, string path)
    {
        var dot = path.IndexOf('.');
        var head = dot < 0 ? path : path[..dot];
        var rest = dot < 0 ? null : path[(dot + 1)..];
        if (node is not JsonObject obj) yield break;
        var children = head == "*" ? obj.Select(p => p.Value) : obj.TryGetPropertyValue(head, out var child) ? [child] : [];
        foreach (var value in children)
        {
            if (rest is not null)
            {
                foreach (var nested in Values(value, rest)) yield return nested;
            }
            else if (value is JsonArray array)
            {
                foreach (var element in array) yield return element;
            }
            else if (value is JsonObject inner && head == "*")
            {
                foreach (var element in inner.Select(p => p.Value)) yield return element;
            }
            else
            {
                yield return value;
            }
        }
    }

    private static JsonObject Filter(JsonObject source, string[]? includes)
    {
        if (includes is null) return source;
        var filtered = new JsonObject();
        foreach (var field in includes.Where(f => source.ContainsKey(f))) filtered[field] = source[field]!.DeepClone();
        return filtered;
    }

    private static JsonObject Aggregate(JsonObject aggregations, List<(string Index, string Id, JsonObject Source, double Score)> matched, bool typedKeys)
    {
        var result = new JsonObject();
        foreach (var (name, definition) in aggregations)
        {
            if (definition?["terms"] is not JsonObject terms) throw new JsonException($"aggregation [{name}] is not simulated");
            var field = terms["field"]!.GetValue<string>();
            var size = terms["size"]?.GetValue<int>() ?? 10;
            var values = matched.SelectMany(m => Values(m.Source, field)).Where(v => v is not null).ToList();
            var numeric = values.Count > 0 && values.All(v => v!.GetValueKind() == JsonValueKind.Number);
            var buckets = new JsonArray();
            foreach (var group in values.GroupBy(v => v!.ToJsonString()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(size))
            {
                buckets.Add(new JsonObject { ["key"] = group.First()!.DeepClone(), ["doc_count"] = group.Count() });
            }
            result[typedKeys ? $"{(numeric ? "lterms" : "sterms")}#{name}" : name] = new JsonObject
            {
                ["doc_count_error_upper_bound"] = 0,
                ["sum_other_doc_count"] = Math.Max(0, values.GroupBy(v => v!.ToJsonString()).Count() - size),
                ["buckets"] = buckets,
            };
        }
        return result;
    }

    private static string? QueryParameter(string query, string name) =>
        query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "").FirstOrDefault();

    private static EsAnswer Acknowledged() => new(200, """{"acknowledged":true}""");

    /// <summary>The documented error body: root_cause, type, reason (and caused_by), status.</summary>
    public static EsAnswer Error(int status, string type, string reason, JsonObject? causedBy = null, string? index = null)
    {
        JsonObject Cause()
        {
            var cause = new JsonObject { ["type"] = type, ["reason"] = reason };
            if (index is not null)
            {
                cause["index_uuid"] = "_na_";
                cause["index"] = index;
            }
            return cause;
        }
        var error = Cause();
        error["root_cause"] = new JsonArray(Cause());
        if (causedBy is not null) error["caused_by"] = causedBy;
        return new EsAnswer(status, new JsonObject { ["error"] = error, ["status"] = status }.ToJsonString(Relaxed));
    }

    private sealed record StoredDocument(JsonObject Source, long Version);

    private sealed class IndexState(string name, JsonObject? mappings)
    {
        public string Name { get; } = name;

        public Dictionary<string, StoredDocument> Documents { get; } = new(StringComparer.Ordinal);

        /// <summary>The index's own copy of its mapping (a later template change does not touch it; PUT _mapping does).</summary>
        public JsonObject? Mappings { get; private set; } = (JsonObject?)mappings?.DeepClone();

        public StrictMapping Mapping { get; private set; } = new((JsonObject?)mappings?.DeepClone());

        public void Replace(JsonObject merged)
        {
            Mappings = merged;
            Mapping = new StrictMapping(merged);
        }
    }

    private sealed class AliasState
    {
        public Dictionary<string, (JsonObject? Filter, bool? IsWriteIndex)> Indices { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>A request as the cluster received it (the body decompressed when it came gzipped).</summary>
internal sealed record EsRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, bool Gzipped)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Method} {Path}{Query}";
}

/// <summary>A status and a JSON body.</summary>
internal sealed record EsAnswer(int Status, string Body)
{
    /// <summary>A whole-request 429 as Elasticsearch sends it when its write queue is full.</summary>
    public static EsAnswer TooManyRequests { get; } = Elasticsearch9Cluster.Error(429, "es_rejected_execution_exception",
        "rejected execution of coordinating operation [coordinating_and_primary_bytes=104857600, replica_bytes=0, all_bytes=104857600, coordinating_operation_bytes=52428800, max_coordinating_and_primary_bytes=107374182]");

    public static EsAnswer Unavailable { get; } = Elasticsearch9Cluster.Error(503, "cluster_block_exception",
        "blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];");
}

/// <summary>One item of a _bulk request: its action, id, target and the source (or partial doc) line.</summary>
internal sealed record BulkItem(string Action, string Id, string Index, string Source);

/// <summary>The failure an item gets: status, error type and reason.</summary>
internal sealed record EsItemFault(int Status, string Type, string Reason)
{
    public static EsItemFault Rejected { get; } = new(429, "es_rejected_execution_exception",
        "rejected execution of org.elasticsearch.action.bulk.TransportShardBulkAction$1@3b8b1c8d on EsThreadPoolExecutor[name = es01/write, queue capacity = 10000]");
}

/// <summary>
/// The part of a mapping the tests rely on: with "dynamic": "strict" a field the mapping does not name is refused
/// (strict_dynamic_mapping_exception), and a numeric, boolean or date field given a value of another kind is refused
/// (document_parsing_exception), with the reasons Elasticsearch 9 gives.
/// </summary>
internal sealed class StrictMapping(JsonObject? mappings)
{
    private readonly JsonObject? _mappings = mappings;

    public (string Type, string Reason)? Check(JsonObject document, string id) =>
        _mappings is null ? null : Walk(document, _mappings["properties"] as JsonObject ?? [], IsStrict(_mappings, inherited: false), "", "_doc", id);

    private static bool IsStrict(JsonObject mapping, bool inherited) => mapping["dynamic"]?.ToString() switch
    {
        "strict" => true,
        null => inherited,
        _ => false,
    };

    private static (string, string)? Walk(JsonObject document, JsonObject properties, bool strict, string prefix, string parent, string id)
    {
        foreach (var (name, value) in document)
        {
            var path = prefix + name;
            if (properties[name] is not JsonObject field)
            {
                if (strict) return ("strict_dynamic_mapping_exception", $"[1:2] mapping set to strict, dynamic introduction of [{name}] within [{parent}] is not allowed");
                continue;
            }
            if (value is null) continue;
            if (field["properties"] is JsonObject children)
            {
                if (value is not JsonObject child)
                    return ("document_parsing_exception", $"[1:2] object mapping for [{path}] tried to parse field [{name}] as object, but found a concrete value");
                if (Walk(child, children, IsStrict(field, strict), path + ".", path, id) is { } problem) return problem;
                continue;
            }
            var type = field["type"]?.GetValue<string>() ?? "object";
            foreach (var element in value is JsonArray array ? [.. array] : new JsonNode?[] { value })
            {
                if (element is null || Fits(type, element)) continue;
                return ("document_parsing_exception",
                    $"[1:2] failed to parse field [{path}] of type [{type}] in document with id '{id}'. Preview of field's value: '{(element is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : element.ToJsonString())}'");
            }
        }
        return null;
    }

    private static bool Fits(string type, JsonNode value)
    {
        var kind = value.GetValueKind();
        return type switch
        {
            "integer" or "long" => kind == JsonValueKind.Number // coerced, as index.mapping.coerce does by default
                || kind == JsonValueKind.String && long.TryParse(value.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            "double" or "float" => kind == JsonValueKind.Number
                || kind == JsonValueKind.String && double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False || kind == JsonValueKind.String && value.GetValue<string>() is "true" or "false",
            "date" => kind == JsonValueKind.Number || kind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => kind is not JsonValueKind.Object and not JsonValueKind.Array,
        };
    }
}
