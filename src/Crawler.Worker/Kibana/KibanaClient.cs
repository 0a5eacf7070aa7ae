using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crawler.Pipeline.Indexing;

namespace Crawler.Worker.Kibana;

/// <summary>
/// The few Kibana 9 APIs setup needs: saved objects import (POST /api/saved_objects/_import, multipart field
/// "file", ?overwrite=true), connectors (/api/actions/connector/{id}) and alerting rules (/api/alerting/rule/{id}).
/// Every request carries kbn-xsrf (see <see cref="KibanaConnection"/>). Failures, an unreachable Kibana included,
/// come back as values naming the call.
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

    /// <summary>Imports one NDJSON file; returns the number of objects imported or Kibana's errors.</summary>
    public async Task<IndexCallResult<int>> ImportAsync(string path, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path, cancellationToken));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/ndjson");
        // Quoted like curl's --form: .NET leaves the parameters bare, which some multipart parsers reject.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"{Path.GetFileName(path)}\"" };
        form.Add(file);
        var url = $"{_prefix}api/saved_objects/_import?overwrite=true";
        return await SendAsync($"import {Path.GetFileName(path)}", () => _http.PostAsync(url, form, cancellationToken), async response =>
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) return IndexCallResult<int>.Fail($"import {Path.GetFileName(path)}: HTTP {(int)response.StatusCode}: {text}", (int)response.StatusCode);
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.TryGetProperty("success", out var success) && success.GetBoolean())
                return IndexCallResult<int>.Ok(root.GetProperty("successCount").GetInt32());
            var errors = root.TryGetProperty("errors", out var e) ? e.GetRawText() : text;
            return IndexCallResult<int>.Fail($"import {Path.GetFileName(path)} rejected: {errors}");
        });
    }

    /// <summary>POST {path}/{id}; when Kibana answers 409 (it exists) PUT the update body instead.</summary>
    public async Task<IndexCallResult<string>> CreateOrUpdateAsync(string path, string id, JsonObject create, JsonObject update, CancellationToken cancellationToken)
    {
        var url = $"{_prefix}{path}/{Uri.EscapeDataString(id)}";
        var created = await SendAsync($"POST /{url}", () => _http.PostAsync(url, Json(create), cancellationToken), async response =>
            response.IsSuccessStatusCode ? IndexCallResult<string>.Ok("created")
            : IndexCallResult<string>.Fail($"POST /{url}: HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}", (int)response.StatusCode));
        if (created.Status != (int)HttpStatusCode.Conflict) return created;
        return await SendAsync($"PUT /{url}", () => _http.PutAsync(url, Json(update), cancellationToken), async response =>
            response.IsSuccessStatusCode ? IndexCallResult<string>.Ok("updated")
            : IndexCallResult<string>.Fail($"PUT /{url}: HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}", (int)response.StatusCode));
    }

    private async Task<IndexCallResult<T>> SendAsync<T>(string call, Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, Task<IndexCallResult<T>>> read)
    {
        try
        {
            using var response = await send();
            return await read(response);
        }
        catch (HttpRequestException exception)
        {
            return IndexCallResult<T>.Fail($"{call}: cannot reach Kibana at {_http.BaseAddress}: {exception.Message}");
        }
        catch (TaskCanceledException)
        {
            return IndexCallResult<T>.Fail($"{call}: no answer from Kibana at {_http.BaseAddress} within {_http.Timeout.TotalSeconds:0.#} s");
        }
        catch (JsonException exception)
        {
            return IndexCallResult<T>.Fail($"{call}: Kibana's answer is not JSON: {exception.Message}");
        }
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
