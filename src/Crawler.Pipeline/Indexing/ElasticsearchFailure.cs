using System.Net.Http;
using System.Security.Authentication;
using System.Text.Encodings.Web;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// Turns what the client reports — an invalid response, or an exception it throws — into one line that says which
/// call failed and why, in the words an operator acts on: the node could not be reached, it did not answer in time,
/// its certificate was refused, it is not Elasticsearch, it is older than 9.x, or Elasticsearch's own error.
/// </summary>
internal static class ElasticsearchFailure
{
    public static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string OlderServer = " — the server is older than Elasticsearch 9 (it refuses the compatible-with=9 header): run a 9.x cluster";

    /// <summary>The exceptions caught at the boundary: what the client throws for a failed call, and timeouts.</summary>
    public static bool IsBoundary(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        UnsupportedProductException or TransportException or HttpRequestException or JsonException or AuthenticationException => true,
        _ => false,
    };

    public static string Describe(string call, Exception exception, ElasticsearchOptions options) => exception switch
    {
        UnsupportedProductException =>
            $"{call}: the server did not answer as Elasticsearch (no \"X-Elastic-Product: Elasticsearch\" header): check Elasticsearch:Url — is it Kibana, a proxy or another product?",
        TransportException { ApiCallDetails: { } details } => Describe(call, details, (ElasticsearchServerError?)null),
        OperationCanceledException => $"{call}: no answer within {options.RequestTimeout.TotalSeconds:0.#} s",
        _ => $"{call}: {exception.GetBaseException().Message}",
    };

    public static string Describe(string call, ApiCallDetails details, ElasticsearchServerError? server)
    {
        var node = details.Uri is { } uri ? uri.GetLeftPart(UriPartial.Authority) + "/" : "the cluster";
        if (details.HttpStatusCode is not { } status) return $"{call}: {Unanswered(details.OriginalException, node)}";
        var error = server?.Error is { } e ? ErrorText(e.Type, e.Reason, e.CausedBy?.Reason) : ErrorText(details.ResponseBodyInBytes);
        var text = $"{call} answered {status}" + (error is null ? "" : $": {error}");
        return error?.Contains("media_type_header_exception", StringComparison.Ordinal) == true ? text + OlderServer : text;
    }

    /// <summary>For a raw call: the error object of the response body, if it has one.</summary>
    public static string Describe(string call, ApiCallDetails details, string? body)
    {
        if (details.HttpStatusCode is not { } status) return Describe(call, details, (ElasticsearchServerError?)null);
        var error = ErrorText(body);
        var text = $"{call} answered {status}" + (error is null ? "" : $": {error}");
        return error?.Contains("media_type_header_exception", StringComparison.Ordinal) == true ? text + OlderServer : text;
    }

    private static string Unanswered(Exception? exception, string node)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or TaskCanceledException) return $"no answer from {node} in time";
            if (e is AuthenticationException) return $"TLS with {node} failed: {e.Message} (Elasticsearch:CaCertificatePath or CertificateFingerprint)";
            if (e is HttpRequestException http) return $"cannot reach {node}: {http.Message}";
        }
        return exception is null ? $"no answer from {node}" : $"{node}: {exception.GetBaseException().Message}";
    }

    private static string? ErrorText(byte[]? body) => body is { Length: > 0 } ? ErrorText(System.Text.Encoding.UTF8.GetString(body)) : null;

    /// <summary>{"error":{"type","reason","caused_by"}} (or an old-style string error) → "type: reason (caused by: …)".</summary>
    private static string? ErrorText(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("error", out var error)) return Shorten(body);
            if (error.ValueKind != JsonValueKind.Object) return error.ToString();
            string? Get(JsonElement element, string name) => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var cause = error.TryGetProperty("caused_by", out var c) && c.ValueKind == JsonValueKind.Object ? Get(c, "reason") : null;
            return ErrorText(Get(error, "type"), Get(error, "reason"), cause);
        }
        catch (JsonException)
        {
            return Shorten(body);
        }
    }

    private static string ErrorText(string? type, string? reason, string? cause) =>
        $"{type}: {reason}" + (cause is null ? "" : $" (caused by: {cause})");

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
