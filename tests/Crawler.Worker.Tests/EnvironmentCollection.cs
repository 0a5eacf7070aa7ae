namespace Crawler.Worker.Tests;

/// <summary>Tests that set process environment variables (the CLI reads configuration from them) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}
