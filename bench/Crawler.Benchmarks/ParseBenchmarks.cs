using BenchmarkDotNet.Attributes;
using Crawler.Extraction.PlainText;
using Crawler.Reports.Parsing;

namespace Crawler.Benchmarks;

/// <summary>One seed report from text to validated figures: read the text dump, parse, run the rules.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly ReportParser _parser = new();
    private string _text = "";

    [ParamsSource(nameof(Seeds))]
    public string Seed { get; set; } = "";

    public static IEnumerable<string> Seeds() => SeedFiles.Names();

    [GlobalSetup]
    public void Load() => _text = SeedFiles.Read(Seed);

    [Benchmark]
    public int TextToValidatedReport()
    {
        var result = _parser.Parse(PlainTextDocumentReader.Read(_text));
        return result.Findings.Count;
    }
}
