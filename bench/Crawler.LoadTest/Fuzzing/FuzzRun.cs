using System.Diagnostics;
using Crawler.Extraction;
using Crawler.Reports.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crawler.LoadTest.Fuzzing;

/// <summary>
/// Runs hostile documents through the real extract stage (<see cref="IDocumentExtraction"/> as AddExtraction wires
/// it) and the report parser, one at a time, each under a time limit, and records violations instead of stopping.
/// </summary>
public sealed class FuzzRun : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly IDocumentExtraction extraction;
    private readonly IReportParser parser = new ReportParser();
    private readonly TimeSpan limit;

    public FuzzRun(TimeSpan perDocumentLimit)
    {
        limit = perDocumentLimit;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Extraction:DocumentTimeout"] = perDocumentLimit.ToString(),
            // A mutated text PDF can lose its text layer and fall back to OCR: one page bounds that cost.
            ["Extraction:Ocr:MaxPages"] = "1",
        }).Build();
        provider = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.None)).AddExtraction(configuration).BuildServiceProvider();
        extraction = provider.GetRequiredService<IDocumentExtraction>();
    }

    public async Task<FuzzOutcome> RunAsync(HostileInput input, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            // The facade has its own DocumentTimeout; this outer limit (plus grace) catches a facade that ignores it.
            var extracted = TimeSpan.Zero;
            var work = Task.Run(async () =>
            {
                var result = await extraction.ExtractAsync(new SourceDocument(input.Bytes, input.Name), cancellationToken).ConfigureAwait(false);
                extracted = clock.Elapsed;
                var parsed = result.Document is { } document ? Crawler.Reports.Validation.ReportValidator.Validate(parser.Read(document)) : null;
                return (result, parsed);
            }, cancellationToken);
            var finished = await Task.WhenAny(work, Task.Delay(limit + TimeSpan.FromSeconds(10), cancellationToken)).ConfigureAwait(false);
            if (finished != work)
            {
                var stage = extracted == TimeSpan.Zero ? "still extracting" : $"extracted in {extracted.TotalSeconds:0.0} s, still parsing";
                return new(input.Name, input.Bytes.Length, clock.Elapsed, false, false, null, $"hang: no result after {clock.Elapsed.TotalSeconds:0} s ({stage})");
            }
            var (result, parsed) = await work.ConfigureAwait(false);
            string? violation = null;
            if (!result.Succeeded && string.IsNullOrWhiteSpace(result.Error)) violation = "failure without an error message";
            else if (result.Error is { } error && !error.Contains(input.Name, StringComparison.Ordinal)) violation = "error does not name the document: " + error;
            else if (result.Error is { } crash && crash.Contains("提取器出错", StringComparison.Ordinal)) violation = "an extractor threw: " + crash;
            return new(input.Name, input.Bytes.Length, clock.Elapsed, result.Succeeded, parsed?.IsReport == true, result.Error, violation) { Extraction = extracted };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new(input.Name, input.Bytes.Length, clock.Elapsed, false, false, null, $"exception escaped: {e.GetType().Name}: {e.Message}");
        }
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
