using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Fetching;

/// <summary>Rejects fetch settings that would make the crawler impolite, unbounded or anonymous.</summary>
public sealed class FetchOptionsValidator : IValidateOptions<FetchOptions>
{
    public ValidateOptionsResult Validate(string? name, FetchOptions options)
    {
        var problems = new List<string>();
        var section = FetchOptions.SectionName;
        if (!Uri.TryCreate(options.ContactUrl, UriKind.Absolute, out var contact) || (contact.Scheme != "https" && contact.Scheme != "http" && contact.Scheme != "mailto"))
            problems.Add($"{section}:ContactUrl must be an absolute http(s) or mailto URL where site operators can reach you (it goes into the User-Agent)");
        if (string.IsNullOrWhiteSpace(options.ProductToken) || !options.ProductToken.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            problems.Add($"{section}:ProductToken must be a non-empty token of ASCII letters, digits, '-' or '_'");
        if (options.PerHostDelay < TimeSpan.Zero) problems.Add($"{section}:PerHostDelay must not be negative");
        if (options.MaxCrawlDelay < TimeSpan.Zero) problems.Add($"{section}:MaxCrawlDelay must not be negative");
        if (options.MaxRedirects is < 0 or > 50) problems.Add($"{section}:MaxRedirects must be between 0 and 50");
        if (options.MaxBodyBytes <= 0) problems.Add($"{section}:MaxBodyBytes must be positive");
        Positive(options.ConnectTimeout, "ConnectTimeout");
        Positive(options.RequestTimeout, "RequestTimeout");
        Positive(options.IdleTimeout, "IdleTimeout");
        Positive(options.RobotsCacheDuration, "RobotsCacheDuration");
        if (options.MinTransferBytesPerSecond < 0) problems.Add($"{section}:MinTransferBytesPerSecond must not be negative");
        if (options.TransferRateGracePeriod < TimeSpan.Zero) problems.Add($"{section}:TransferRateGracePeriod must not be negative");
        if (options.MaxRetries is < 0 or > 10) problems.Add($"{section}:MaxRetries must be between 0 and 10");
        Positive(options.RetryBaseDelay, "RetryBaseDelay");
        if (options.MaxRetryDelay < options.RetryBaseDelay) problems.Add($"{section}:MaxRetryDelay must be at least RetryBaseDelay");
        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > TimeSpan.FromDays(1)) problems.Add($"{section}:MaxRetryAfter must be between 0 and one day");
        Positive(options.MaxHostStall, "MaxHostStall");
        Positive(options.StalledHostPause, "StalledHostPause");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);

        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero) problems.Add($"{section}:{key} must be positive");
        }
    }
}
