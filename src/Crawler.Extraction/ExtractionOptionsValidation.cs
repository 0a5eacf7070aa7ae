using Microsoft.Extensions.Options;

namespace Crawler.Extraction;

/// <summary>Names every bad Extraction setting at start-up instead of failing on the first document.</summary>
internal sealed class ExtractionOptionsValidation : IValidateOptions<ExtractionOptions>
{
    public ValidateOptionsResult Validate(string? name, ExtractionOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
