namespace Crawler.Benchmarks;

/// <summary>The seed reports shipped in samples/seeds, found from the benchmark's folder.</summary>
internal static class SeedFiles
{
    private static readonly string Folder = Find();

    public static IEnumerable<string> Names() =>
        Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileNameWithoutExtension).Order().Cast<string>();

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name + ".txt"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "samples", "seeds");
            if (File.Exists(Path.Combine(dir.FullName, "Crawler.sln")) && Directory.Exists(seeds)) return seeds;
        }
        throw new DirectoryNotFoundException("samples/seeds not found above " + AppContext.BaseDirectory);
    }
}
