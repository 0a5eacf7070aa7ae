using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;

namespace Crawler.Pipeline.Fetching;

/// <summary>
/// One request/response on a host's turn: headers recorded for the WARC writer, the body streamed to a temp file,
/// challenges recognised, and every expected failure turned into a value.
/// </summary>
internal sealed class HttpExchange(FetchOptions options, TimeProvider time, HostGate gate)
{
    public async Task<HopOutcome> SendAsync(HttpClient client, HopRequest hop, CancellationToken cancellationToken)
    {
        using var lease = await gate.EnterAsync(hop.Url, hop.Delay, cancellationToken).ConfigureAwait(false);
        var fetchedAt = time.GetUtcNow();
        var empty = new FetchedResponse { RequestedUrl = hop.Url, FinalUrl = hop.Url, StatusCode = 0, FetchedAt = fetchedAt };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        using var message = Build(hop);
        var requestHeaders = Flatten(message.Headers, message.Content?.Headers);
        requestHeaders.Insert(0, new("Host", hop.Url.IsDefaultPort ? hop.Url.IdnHost : $"{hop.Url.IdnHost}:{hop.Url.Port}"));
        empty = empty with { RequestHeaders = requestHeaders };
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return await ReadAsync(response, empty, hop, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HopOutcome(empty with { Error = $"no complete response within {options.RequestTimeout.TotalSeconds:0.#} s (request timeout)" }) { Transient = true };
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or RefusedAddressException)
        {
            if (Find<RefusedAddressException>(ex) is { } refused)
                return new HopOutcome(empty with { Error = refused.Message });
            if (Find<AuthenticationException>(ex) is { } tls)
                return new HopOutcome(empty with { Error = $"TLS error with {hop.Url.Host}: {tls.Message} (set ignoreCertificateErrors on the source if its certificate is known to be broken)" });
            return new HopOutcome(empty with { Error = $"connection to {hop.Url.Authority} failed: {Innermost(ex).Message}" }) { Transient = true };
        }
    }

    private async Task<HopOutcome> ReadAsync(HttpResponseMessage response, FetchedResponse empty, HopRequest hop, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var headers = Flatten(response.Headers, response.Content.Headers);
        var result = empty with
        {
            StatusCode = status,
            ContentType = response.Content.Headers.ContentType?.ToString(),
            HttpVersion = response.Version.Major >= 2 ? response.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{response.Version.Major}.{response.Version.Minor}",
            ResponseHeaders = headers,
        };

        if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
        {
            var target = location.IsAbsoluteUri ? location : new Uri(hop.Url, location);
            return new HopOutcome(result) { RedirectTo = new UriBuilder(target) { Fragment = "" }.Uri };
        }
        if (status == 304) return new HopOutcome(result);
        if (response.Content.Headers.ContentLength is { } declared && declared > options.MaxBodyBytes)
            return new HopOutcome(result with { Error = $"the server declares {declared} bytes, above the size limit of {options.MaxBodyBytes} bytes; not downloaded" });

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var body = await BodyDownload.SaveAsync(stream, options, time, cancellationToken, response.Content.Headers.ContentLength).ConfigureAwait(false);
        if (body.Error is not null) return new HopOutcome(result with { Error = body.Error, BodyLength = body.Length });

        var challenge = status is >= 200 and < 300 and not 202 ? null : ChallengeDetector.Detect(status, headers, Encoding.UTF8.GetString(body.Head));
        if (challenge is not null)
        {
            body.Discard();
            return new HopOutcome(result with { Error = $"{ChallengeDetector.Message} ({challenge}, HTTP {status})" });
        }
        if (status is >= 200 and < 300)
            return new HopOutcome(result with { BodyFile = body.Path, BodyLength = body.Length, Sha256 = body.Sha256 });

        body.Discard();
        return new HopOutcome(result with { Error = $"HTTP {status} {response.ReasonPhrase}".TrimEnd(), BodyLength = body.Length })
        {
            Transient = status >= 500 || status is 408 or 429,
            RetryAfter = RetryAfter(response.Headers.RetryAfter),
        };
    }

    private HttpRequestMessage Build(HopRequest hop)
    {
        var message = new HttpRequestMessage(hop.Form is null ? HttpMethod.Get : HttpMethod.Post, hop.Url);
        message.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        message.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/pdf,*/*;q=0.8");
        message.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5");
        if (hop.Referrer is not null) message.Headers.Referrer = hop.Referrer;
        if (hop.Known?.ETag is { } etag) message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (hop.Known?.LastModified is { } modified) message.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
        if (hop.Form is not null) message.Content = new FormUrlEncodedContent(hop.Form);
        return message;
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? value)
    {
        var delay = value?.Delta ?? (value?.Date is { } date ? date - time.GetUtcNow() : null);
        if (delay is null) return null;
        if (delay < TimeSpan.Zero) return TimeSpan.Zero;
        return delay > options.MaxRetryAfter ? options.MaxRetryAfter : delay;
    }

    private static List<KeyValuePair<string, string>> Flatten(HttpHeaders headers, HttpHeaders? content)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var set in new[] { headers, content })
        {
            if (set is null) continue;
            foreach (var header in set.NonValidated)
            {
                foreach (var value in header.Value) list.Add(new(header.Key, value));
            }
        }
        return list;
    }

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T match) return match;
        }
        return null;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }
}
