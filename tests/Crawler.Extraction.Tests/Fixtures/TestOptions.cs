using Microsoft.Extensions.Options;

namespace Crawler.Extraction.Tests.Fixtures;

internal static class TestOptions
{
    public static IOptions<ExtractionOptions> Default { get; } = Options.Create(new ExtractionOptions());

    public static IOptions<ExtractionOptions> With(Func<ExtractionOptions, ExtractionOptions> change) =>
        Options.Create(change(new ExtractionOptions()));
}
