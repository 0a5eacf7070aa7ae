using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Discovery;

public sealed class DiscoveryOptionsValidator : IValidateOptions<DiscoveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscoveryOptions options)
    {
        var problems = new List<string>();
        Range(options.MaxDepth, 0, 10, nameof(options.MaxDepth));
        Range(options.MaxListPages, 1, 10_000, nameof(options.MaxListPages));
        Range(options.MaxDocuments, 1, 100_000, nameof(options.MaxDocuments));
        Range(options.MaxLinksPerPage, 1, 1_000_000, nameof(options.MaxLinksPerPage));
        Range(options.MaxAttachmentsPerPage, 0, 1000, nameof(options.MaxAttachmentsPerPage));
        Range(options.TemplateYears, 1, 20, nameof(options.TemplateYears));
        Range(options.MaxDeclaredPages, 0, 100_000, nameof(options.MaxDeclaredPages));
        Range(options.MaxQueuedUrls, 1, 1_000_000, nameof(options.MaxQueuedUrls));
        if (options.MaxSourceDuration <= TimeSpan.Zero) problems.Add($"{DiscoveryOptions.SectionName}:MaxSourceDuration must be positive");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);

        void Range(int value, int min, int max, string key)
        {
            if (value < min || value > max) problems.Add($"{DiscoveryOptions.SectionName}:{key} must be between {min} and {max} (was {value})");
        }
    }
}
