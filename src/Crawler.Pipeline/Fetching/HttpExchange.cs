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
    /// <summary>No Retry-After pauses a server for longer than this, whatever it asks.</summary>
    private static readonly TimeSpan MaxPause = TimeSpan.FromDays(1);

    public async Task<HopOutcome> SendAsync(HttpClient client, HopRequest hop, CancellationToken cancellationToken)
    {
        var empty = new FetchedResponse { RequestedUrl = hop.Url, FinalUrl = hop.Url, StatusCode = 0, FetchedAt = time.GetUtcNow() };
        if (await gate.AbandonedAsync(hop.Url, cancellationToken).ConfigureAwait(false) is { } abandoned)
            return new HopOutcome(empty with { Error = abandoned });
        if (await gate.PausedUntilAsync(hop.Url, cancellationToken).ConfigureAwait(false) is { } until && until - time.GetUtcNow() > options.MaxRetryAfter)
            return new HopOutcome(empty with { Error = PausedTooLong(until - time.GetUtcNow()) });

        using var turn = await gate.EnterAsync(hop.Url, hop.Delay, cancellationToken).ConfigureAwait(false);
        var started = time.GetTimestamp();
        var fetchedAt = time.GetUtcNow();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A server that never answers may not cost more than Fetch:MaxHostStall in all, however many URLs wait for it.
        var allowed = turn.StallAllowance(options.MaxHostStall);
        var attemptTimeout = allowed < options.RequestTimeout ? allowed : options.RequestTimeout;
        timeout.CancelAfter(attemptTimeout);
        using var message = Build(hop);
        var requestHeaders = Flatten(message.Headers, message.Content?.Headers);
        requestHeaders.Insert(0, new("Host", hop.Url.IsDefaultPort ? hop.Url.IdnHost : $"{hop.Url.IdnHost}:{hop.Url.Port}"));
        empty = empty with { RequestHeaders = requestHeaders, FetchedAt = fetchedAt };
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            turn.Answered();
            return await ReadAsync(response, empty, hop, turn, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var error = $"no complete response within {attemptTimeout.TotalSeconds:0.#} s (request timeout)";
            if (turn.Stalled(time.GetElapsedTime(started), options.MaxHostStall, options.StalledHostPause) is { } abandonedNow)
                return new HopOutcome(empty with { Error = $"{error}; {abandonedNow}" });
            return new HopOutcome(empty with { Error = error }) { Transient = true };
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or RefusedAddressException)
        {
            if (Find<RefusedAddressException>(ex) is { } refused)
                return new HopOutcome(empty with { Error = refused.Message });
            if (Find<AuthenticationException>(ex) is { } tls)
                return new HopOutcome(empty with { Error = $"TLS error with {hop.Url.Host}: {tls.Message} (set ignoreCertificateErrors on the source if its certificate is known to be broken)" });
            var error = $"connection to {hop.Url.Authority} failed: {Innermost(ex).Message}";
            if (turn.Stalled(time.GetElapsedTime(started), options.MaxHostStall, options.StalledHostPause) is { } abandonedNow)
                return new HopOutcome(empty with { Error = $"{error}; {abandonedNow}" });
            return new HopOutcome(empty with { Error = error }) { Transient = true };
        }
    }

    private async Task<HopOutcome> ReadAsync(HttpResponseMessage response, FetchedResponse empty, HopRequest hop, HostTurn turn, CancellationToken cancellationToken)
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
        if (status == 304)
        {
            // Only an answer to If-None-Match/If-Modified-Since says "unchanged"; a bare 304 says nothing about the document.
            if (hop.Known is { ETag: not null } or { LastModified: not null }) return new HopOutcome(result);
            return new HopOutcome(result with { Error = "HTTP 304 Not Modified to a request that carried no validators (no If-None-Match, no If-Modified-Since): the server did not send the document" });
        }
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
        var error = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
        var transient = status >= 500 || status is 408 or 429;
        var retryAfter = RetryAfter(response.Headers.RetryAfter);
        if (transient && retryAfter is { } asked)
        {
            // Retry-After speaks for the server, not for this URL: every source's requests to it wait.
            turn.PauseServer(asked < MaxPause ? asked : MaxPause);
            if (asked > options.MaxRetryAfter)
                return new HopOutcome(result with { Error = $"{error}; {PausedTooLong(asked)}", BodyLength = body.Length });
        }
        return new HopOutcome(result with { Error = error, BodyLength = body.Length })
        {
            Transient = transient,
            RetryAfter = retryAfter,
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
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private string PausedTooLong(TimeSpan asked) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"the server asked not to be contacted for {asked.TotalSeconds:0} s (Retry-After), more than Fetch:MaxRetryAfter ({options.MaxRetryAfter.TotalSeconds:0} s): not fetched in this pass");

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
