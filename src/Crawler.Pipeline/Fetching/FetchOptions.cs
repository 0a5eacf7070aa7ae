namespace Crawler.Pipeline.Fetching;

/// <summary>
/// How politely and how defensively the crawler fetches (configuration section "Fetch"). The defaults are safe for
/// a government website: one request at a time per host, a pause of at least a second between them.
/// </summary>
public sealed record FetchOptions
{
    public const string SectionName = "Fetch";

    /// <summary>The product token in the User-Agent, also the token robots.txt groups are matched against.</summary>
    public string ProductToken { get; init; } = "GovDisclosureReportCrawler";

    public string ProductVersion { get; init; } = "1.0";

    /// <summary>Where a webmaster can reach the operator (required): goes into the User-Agent as "+URL".</summary>
    public string? ContactUrl { get; init; }

    /// <summary>Pause between the end of one request and the start of the next to the same host.</summary>
    public TimeSpan PerHostDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A robots.txt Crawl-delay above this is capped (some sites ask for minutes).</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan RobotsCacheDuration { get; init; } = TimeSpan.FromHours(12);

    public int MaxRedirects { get; init; } = 10;

    public long MaxBodyBytes { get; init; } = 50L * 1024 * 1024;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Whole exchange of one attempt: headers and body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Longest silence while a body is streaming.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Average bytes per second a body must reach once <see cref="TransferRateGracePeriod"/> has passed.</summary>
    public int MinTransferBytesPerSecond { get; init; } = 1024;

    public TimeSpan TransferRateGracePeriod { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt for 5xx, 408, 429, timeouts and connection failures.</summary>
    public int MaxRetries { get; init; } = 3;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest Retry-After honoured (for the whole server, every source on it). A server asking for longer is not
    /// retried in this pass and the fetch says so; it is never asked again sooner than it said.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Waiting for a server that accepts connections but does not answer (request and connect timeouts), added up
    /// across its requests until it answers again: past this the server is abandoned for <see cref="StalledHostPause"/>.
    /// </summary>
    public TimeSpan MaxHostStall { get; init; } = TimeSpan.FromMinutes(4);

    public TimeSpan StalledHostPause { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Where bodies are streamed before the archive takes them; empty means the system temp folder.</summary>
    public string? TemporaryDirectory { get; init; }

    internal string UserAgent => $"Mozilla/5.0 (compatible; {ProductToken}/{ProductVersion}; +{ContactUrl})";

    internal string BodyDirectory => string.IsNullOrWhiteSpace(TemporaryDirectory)
        ? Path.Combine(Path.GetTempPath(), "crawler-fetch")
        : TemporaryDirectory;
}
