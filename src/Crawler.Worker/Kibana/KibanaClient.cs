using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crawler.Pipeline.Indexing;

namespace Crawler.Worker.Kibana;

/// <summary>
/// The few Kibana APIs setup needs: saved objects import (multipart field "file", ?overwrite=true), connectors
/// and alerting rules. Every request carries kbn-xsrf, which Kibana requires on writes.
/// </summary>
public sealed class KibanaClient
{
    private readonly HttpClient _http;
    private readonly string _prefix;

    public KibanaClient(HttpClient http, KibanaOptions options)
    {
        _http = http;
        _prefix = string.IsNullOrEmpty(options.Space) ? "" : $"s/{options.Space}/";
    }

    /// <summary>Same connection rules as Elasticsearch: API key or basic auth, optional private CA.</summary>
    public static HttpClient CreateHttpClient(KibanaOptions options)
    {
        var http = ElasticsearchConnection.CreateClient(new ElasticsearchOptions
        {
            Url = options.Url, ApiKey = options.ApiKey, Username = options.Username, Password = options.Password,
            CaCertificatePath = options.CaCertificatePath, RequestTimeout = options.RequestTimeout,
        });
        http.DefaultRequestHeaders.Add("kbn-xsrf", "true");
        return http;
    }

    /// <summary>Imports one NDJSON file; returns the number of objects imported or Kibana's errors.</summary>
    public async Task<IndexCallResult<int>> ImportAsync(string path, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path, cancellationToken));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/ndjson");
        // Quoted like curl's --form: .NET leaves the parameters bare, which some multipart parsers reject.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"{Path.GetFileName(path)}\"" };
        form.Add(file);
        using var response = await _http.PostAsync($"{_prefix}api/saved_objects/_import?overwrite=true", form, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) return IndexCallResult<int>.Fail($"import {Path.GetFileName(path)}: HTTP {(int)response.StatusCode}: {text}", (int)response.StatusCode);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.TryGetProperty("success", out var success) && success.GetBoolean())
            return IndexCallResult<int>.Ok(root.GetProperty("successCount").GetInt32());
        var errors = root.TryGetProperty("errors", out var e) ? e.GetRawText() : text;
        return IndexCallResult<int>.Fail($"import {Path.GetFileName(path)} rejected: {errors}");
    }

    /// <summary>POST {path}/{id}; when Kibana answers 409 (it exists) PUT the update body instead.</summary>
    public async Task<IndexCallResult<string>> CreateOrUpdateAsync(string path, string id, JsonObject create, JsonObject update, CancellationToken cancellationToken)
    {
        var url = $"{_prefix}{path}/{Uri.EscapeDataString(id)}";
        using var created = await _http.PostAsync(url, Json(create), cancellationToken);
        if (created.IsSuccessStatusCode) return IndexCallResult<string>.Ok("created");
        if (created.StatusCode != HttpStatusCode.Conflict)
            return IndexCallResult<string>.Fail($"POST /{url}: HTTP {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync(cancellationToken)}", (int)created.StatusCode);
        using var updated = await _http.PutAsync(url, Json(update), cancellationToken);
        return updated.IsSuccessStatusCode
            ? IndexCallResult<string>.Ok("updated")
            : IndexCallResult<string>.Fail($"PUT /{url}: HTTP {(int)updated.StatusCode}: {await updated.Content.ReadAsStringAsync(cancellationToken)}", (int)updated.StatusCode);
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
