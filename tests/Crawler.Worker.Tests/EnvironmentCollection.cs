namespace Crawler.Worker.Tests;

/// <summary>
/// Tests that set process environment variables (the CLI reads configuration from them) or write to the console
/// run one at a time, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}
