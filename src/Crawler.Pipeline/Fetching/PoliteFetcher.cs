using Crawler.Pipeline.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Crawler.Pipeline.Fetching;

/// <summary>
/// Fetches one document politely and defensively: robots.txt and the per-host gate before every hop, redirects
/// followed by hand so each hop is checked, conditional GET from the ledger, bounded retries with backoff on
/// transient failures. Every expected failure comes back as <see cref="FetchedResponse.Error"/>.
/// </summary>
public sealed class PoliteFetcher : IDisposable
{
    private const int MaxRobotsRedirects = 5;
    private const int MaxRobotsBytes = 512 * 1024;
    private readonly FetchOptions options;
    private readonly TimeProvider time;
    private readonly IFetchLedger? ledger;
    private readonly ILogger logger;
    private readonly SourceClients clients;
    private readonly HttpExchange exchange;
    private readonly RobotsCache robots;
    private readonly ResiliencePipeline<HopOutcome> retries;

    public PoliteFetcher(IOptions<FetchOptions> options, TimeProvider time, HostGate gate, NetworkAddressPolicy addressPolicy, ILogger<PoliteFetcher> logger, IFetchLedger? ledger = null)
    {
        this.options = options.Value;
        this.time = time;
        this.ledger = ledger;
        this.logger = logger;
        clients = new SourceClients(this.options, addressPolicy);
        exchange = new HttpExchange(this.options, time, gate);
        robots = new RobotsCache(time, this.options.RobotsCacheDuration);
        retries = BuildRetries(this.options, time, logger);
    }

    public async Task<FetchedResponse> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var url = request.Url;
        var form = request.Form;
        for (var hops = 0; ; hops++)
        {
            if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
                return Failed(request, url, $"not an http(s) URL: {url}");

            var policy = $"{request.Source.AllowPrivateNetwork}|{request.Source.IgnoreCertificateErrors}";
            var rules = await robots.GetAsync(url, policy, ct => LoadRobotsAsync(request.Source, url, ct), cancellationToken).ConfigureAwait(false);
            if (rules.UnavailableReason is { } unavailable)
                return Failed(request, url, $"{unavailable} (reading robots.txt of {url.Authority}; nothing is fetched from it until robots.txt can be read)");
            if (!rules.IsAllowed(url))
                return Failed(request, url, $"disallowed by robots.txt of {url.Authority}");

            var crawlDelay = rules.CrawlDelay is { } asked ? (asked > options.MaxCrawlDelay ? options.MaxCrawlDelay : asked) : TimeSpan.Zero;
            var known = request.Conditional && ledger is not null ? await ledger.FindAsync(url, cancellationToken).ConfigureAwait(false) : null;
            var hop = new HopRequest(url, crawlDelay > options.PerHostDelay ? crawlDelay : options.PerHostDelay)
            {
                Form = form,
                Known = known,
                Referrer = request.Referrer,
            };
            var outcome = await SendAsync(request.Source, hop, cancellationToken).ConfigureAwait(false);
            if (outcome.RedirectTo is not { } next)
            {
                var response = outcome.Response with { RequestedUrl = request.Url };
                if (response.Error is null) FetchLog.Fetched(logger, url, response.StatusCode, response.BodyLength);
                else FetchLog.Failed(logger, url, response.Error);
                return response;
            }
            if (hops >= options.MaxRedirects)
                return Failed(request, url, $"too many redirects (more than {options.MaxRedirects}); the last went from {url} to {next}");
            if (url.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp)
                return Failed(request, url, $"refused a redirect from https to http (a downgrade): {url} → {next}");
            if (outcome.Response.StatusCode is 301 or 302 or 303) form = null;
            url = next;
        }
    }

    /// <summary>
    /// Keeps the source's HTTP client (its pooled connections and cookie jar) until the returned value is disposed;
    /// a source crawl holds it for its whole pass, and the client is closed when the last holder lets go.
    /// </summary>
    public IDisposable Retain(Source source) => clients.Retain(source);

    /// <summary>HTTP clients alive now; 0 after every crawl has finished.</summary>
    internal int OpenClients => clients.Count;

    public void Dispose() => clients.Dispose();

    private Task<HopOutcome> SendAsync(Source source, HopRequest hop, CancellationToken cancellationToken) =>
        retries.ExecuteAsync(
            static async (state, token) => await state.exchange.SendAsync(state.client, state.hop, token).ConfigureAwait(false),
            (exchange, client: clients.For(source), hop),
            cancellationToken).AsTask();

    /// <summary>
    /// RFC 9309 §2.3.1: up to five redirects are followed; a redirect to a target that is not http(s) (ftp:, file:)
    /// makes robots.txt unreachable, as does any failure to read it. Never throws: a robots.txt can only ever make its
    /// own site wait, never end the pass.
    /// </summary>
    private async Task<RobotsRules> LoadRobotsAsync(Source source, Uri url, CancellationToken cancellationToken)
    {
        var target = new Uri(url.GetLeftPart(UriPartial.Authority) + "/robots.txt");
        try
        {
            for (var i = 0; i <= MaxRobotsRedirects; i++)
            {
                var outcome = await SendAsync(source, new HopRequest(target, options.PerHostDelay), cancellationToken).ConfigureAwait(false);
                if (outcome.RedirectTo is { } next)
                {
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                        return Loaded(url, RobotsRules.Unavailable($"robots.txt redirects to {next.Scheme}: ({next}), which is not http(s)"));
                    target = next;
                    continue;
                }
                var response = outcome.Response;
                try
                {
                    return Loaded(url, Interpret(response));
                }
                finally
                {
                    if (response.BodyFile is not null) File.Delete(response.BodyFile);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Loaded(url, RobotsRules.Unavailable($"robots.txt could not be read: {exception.GetType().Name}: {exception.Message}"));
        }
        // More than five redirects: RFC 9309 lets the crawler treat robots.txt as unavailable (4xx), i.e. no rules.
        return Loaded(url, RobotsRules.AllowAll);
    }

    private RobotsRules Loaded(Uri url, RobotsRules rules)
    {
        FetchLog.RobotsLoaded(logger, url.Authority, rules.CrawlDelay, rules.UnavailableReason);
        return rules;
    }

    private RobotsRules Interpret(FetchedResponse response)
    {
        if (response.Error is null && response.BodyFile is not null)
        {
            using var stream = File.OpenRead(response.BodyFile);
            var buffer = new byte[Math.Min(stream.Length, MaxRobotsBytes)];
            stream.ReadExactly(buffer);
            return RobotsRules.Parse(System.Text.Encoding.UTF8.GetString(buffer), options.ProductToken);
        }
        // RFC 9309: 4xx means there are no rules; a server error or no answer means "assume everything is disallowed".
        if (response.StatusCode is >= 400 and < 500 && response.Error?.StartsWith(ChallengeDetector.Message, StringComparison.Ordinal) != true)
            return RobotsRules.AllowAll;
        return RobotsRules.Unavailable(response.Error ?? $"HTTP {response.StatusCode}");
    }

    private FetchedResponse Failed(FetchRequest request, Uri url, string error)
    {
        FetchLog.Failed(logger, url, error);
        return new FetchedResponse
        {
            RequestedUrl = request.Url,
            FinalUrl = url,
            StatusCode = 0,
            FetchedAt = time.GetUtcNow(),
            Error = error,
        };
    }

    private static ResiliencePipeline<HopOutcome> BuildRetries(FetchOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HopOutcome> { TimeProvider = time };
        if (options.MaxRetries == 0) return builder.Build();
        return builder.AddRetry(new RetryStrategyOptions<HopOutcome>
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Transient == true),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
            OnRetry = args =>
            {
                FetchLog.Retrying(logger, args.Outcome.Result!.Response.FinalUrl, args.RetryDelay, args.AttemptNumber + 1, args.Outcome.Result.Response.Error ?? "");
                return ValueTask.CompletedTask;
            },
        }).Build();
    }
}
