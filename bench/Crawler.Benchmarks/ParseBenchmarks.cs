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

    private static bool _warmed;

    [GlobalSetup]
    public void Load()
    {
        _text = SeedFiles.Read(Seed);
        if (_warmed) return;
        // ShortRun's three warm-up iterations are too few for tiered JIT to settle on a busy machine:
        // run every seed a few hundred times once, before the first measurement.
        foreach (var seed in SeedFiles.Names())
        {
            var text = SeedFiles.Read(seed);
            for (var i = 0; i < 300; i++) _parser.Parse(PlainTextDocumentReader.Read(text));
        }
        _warmed = true;
    }

    [Benchmark]
    public int TextToValidatedReport()
    {
        var result = _parser.Parse(PlainTextDocumentReader.Read(_text));
        return result.Findings.Count;
    }
}
