namespace Crawler.Pipeline.Sources;

/// <summary>
/// config/sources.json is unusable; <see cref="Problems"/> lists every problem found, each naming the entry and field.
/// A misconfiguration, so an exception: the worker must not start with half its sources silently dropped.
/// </summary>
public sealed class SourceCatalogException : Exception
{
    public SourceCatalogException(string origin, IReadOnlyList<string> problems)
        : base($"{origin}: {problems.Count} problem(s) in the source catalog:{Environment.NewLine}  - " + string.Join(Environment.NewLine + "  - ", problems))
    {
        Origin = origin;
        Problems = problems;
    }

    public string Origin { get; }

    public IReadOnlyList<string> Problems { get; }
}
