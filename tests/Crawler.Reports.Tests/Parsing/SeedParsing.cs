using Crawler.Extraction.PlainText;
using Crawler.Reports.Parsing;
using Crawler.Tests.Shared;

namespace Crawler.Reports.Tests.Parsing;

/// <summary>Reads a seed or fixture text the way the pipeline does: text → document → parse (with rules).</summary>
internal static class SeedParsing
{
    private static readonly ReportParser Parser = new();

    public static string SeedText(string seed) => File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, seed + ".txt"));

    public static ReportParseResult Parse(string text) => Parser.Parse(PlainTextDocumentReader.Read(text));

    public static IEnumerable<string> SeedNames() =>
        Directory.GetFiles(RepositoryPaths.Seeds, "*.txt").Select(Path.GetFileNameWithoutExtension).Order().Cast<string>();
}
