using System.Text.Json;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// Reads a _bulk response: "items" holds one entry per operation in request order, each keyed by its action
/// with the item's own "status" and, when it failed, "error": {"type", "reason"}.
/// </summary>
internal static class BulkResponseReader
{
    public static IReadOnlyList<BulkItemResult>? Read(string json, IReadOnlyList<BulkOperation> sent)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array
            || items.GetArrayLength() != sent.Count)
        {
            return null;
        }
        var results = new List<BulkItemResult>(sent.Count);
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var operation = sent[i++];
            var body = item.EnumerateObject().FirstOrDefault().Value;
            var status = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("status", out var s) ? s.GetInt32() : 0;
            var error = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) ? Describe(e) : null;
            results.Add(new BulkItemResult(operation, status, Classify(operation, status), error));
        }
        return results;
    }

    public static BulkItemOutcome Classify(BulkOperation operation, int status) => status switch
    {
        >= 200 and < 300 => BulkItemOutcome.Succeeded,
        429 or >= 500 => BulkItemOutcome.Retryable,
        // The superseded version is not indexed yet (its own message is still queued): later it will be.
        404 when operation.Action == BulkAction.Update => BulkItemOutcome.Retryable,
        _ => BulkItemOutcome.Permanent,
    };

    private static string Describe(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object) return error.ToString();
        var type = error.TryGetProperty("type", out var t) ? t.GetString() : null;
        var reason = error.TryGetProperty("reason", out var r) ? r.GetString() : null;
        var caused = error.TryGetProperty("caused_by", out var c) && c.TryGetProperty("reason", out var cr) ? $" (caused by: {cr.GetString()})" : "";
        return $"{type}: {reason}{caused}";
    }
}
