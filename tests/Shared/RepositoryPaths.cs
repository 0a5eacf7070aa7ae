namespace Crawler.Tests.Shared;

/// <summary>Where the repository's fixtures live, found from the test binary's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The seed reports shipped with the project (copies of shared/seeds).</summary>
    public static string Seeds => Path.Combine(Root, "samples", "seeds");

    /// <summary>The hand-checked figures for each seed (copies of shared/gold).</summary>
    public static string Gold => Path.Combine(Root, "tests", "fixtures", "gold");

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>../shared beside the clone, when present (CI and developer machines have it; a user's clone may not).</summary>
    public static string? Shared => Directory.Exists(Path.Combine(Root, "..", "shared")) ? Path.GetFullPath(Path.Combine(Root, "..", "shared")) : null;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crawler.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Crawler.sln not found above " + AppContext.BaseDirectory);
    }
}
