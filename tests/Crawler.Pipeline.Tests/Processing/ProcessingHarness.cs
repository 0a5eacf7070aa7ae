using System.Security.Cryptography;
using Crawler.Extraction;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Telemetry;
using Crawler.Pipeline.Tests.Storage;
using Crawler.Reports.Parsing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Tests.Processing;

/// <summary>A real data directory (SQLite, archive, WARC, search) around the per-document stages of a <see cref="ReportPipeline"/>.</summary>
internal sealed class ProcessingHarness : IDisposable
{
    public static readonly Source Liaocheng = new()
    {
        Id = "liaocheng-commerce", Agency = "聊城市商务局", Region = "山东省聊城市", StartUrls = ["http://127.0.0.1/xxgk/ndbg/"],
    };

    private readonly TemporaryDataDirectory _data = new();
    private readonly CrawlerMetrics _metrics = new();
    private readonly PoliteFetcher _fetcher;
    private int _fetches;

    public ProcessingHarness(IDocumentExtraction? extraction = null, IReportParser? parser = null)
    {
        Store = _data.Store();
        Archive = new ContentAddressedArchive(_data.Layout.Archive);
        Search = new SqliteReportSearch(_data.Database);
        Warc = new WarcWriterFactory(_data.Layout.Warc, TimeProvider.System);
        var states = new ProcessingStates(Store, NullLogger<ProcessingStates>.Instance);
        var stages = new DocumentStages(
            new ArchiveStage(Archive, Store, NullLogger<ArchiveStage>.Instance),
            new ExtractStage(Archive, extraction ?? Extraction, states),
            new ParseStage(parser ?? Parser, states, NullLogger<ParseStage>.Instance),
            new ValidateStage(Archive, Store, states),
            new StoreStage(Store, states, NullLogger<StoreStage>.Instance),
            new AnnounceStage([new EmbeddedSearchIndexer(Search), Observer], states),
            states);
        // Discovery is never started here: the harness hands the pipeline documents as discovery would.
        _fetcher = new PoliteFetcher(Options.Create(new FetchOptions { ContactUrl = "https://example.org/crawler-contact" }), TimeProvider.System,
            new HostGate(TimeProvider.System), new NetworkAddressPolicy(), NullLogger<PoliteFetcher>.Instance);
        var discovery = new ReportDiscovery(_fetcher, Options.Create(new DiscoveryOptions()), TimeProvider.System, NullLogger<ReportDiscovery>.Instance);
        Stages = stages;
        Pipeline = new ReportPipeline(discovery, stages, Warc, _metrics, TimeProvider.System, NullLogger<ReportPipeline>.Instance);
    }

    public DataLayout Layout => _data.Layout;

    public SqliteReportStore Store { get; }

    public ContentAddressedArchive Archive { get; }

    public SqliteReportSearch Search { get; }

    public WarcWriterFactory Warc { get; }

    public ScriptedExtraction Extraction { get; } = new();

    public ReportJsonParser Parser { get; } = new();

    public RecordingObserver Observer { get; } = new();

    public DocumentStages Stages { get; }

    /// <summary>The pipeline; its per-document stages are what the tests drive (ProcessAsync, RetryQuarantinedAsync).</summary>
    public ReportPipeline Pipeline { get; }

    /// <summary>A 200 response whose body was streamed to a temporary file, as the fetcher hands it on.</summary>
    public CrawledDocument Fetched(string url, byte[] body, string contentType = "text/html; charset=utf-8",
        DocumentRole role = DocumentRole.ReportPage, Source? source = null)
    {
        var file = Path.Combine(_data.Root, $"body-{Interlocked.Increment(ref _fetches)}.tmp");
        File.WriteAllBytes(file, body);
        var response = new FetchedResponse
        {
            RequestedUrl = new Uri(url),
            FinalUrl = new Uri(url),
            StatusCode = 200,
            ContentType = contentType,
            ResponseHeaders = [new("Content-Type", contentType), new("ETag", $"\"{body.Length}\"")],
            BodyFile = file,
            BodyLength = body.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(body)),
            FetchedAt = new DateTimeOffset(2024, 1, 25, 3, 0, _fetches % 60, TimeSpan.Zero),
        };
        return new CrawledDocument(source ?? Liaocheng, response, role);
    }

    public CrawledDocument NotModified(string url, Source? source = null) => new(source ?? Liaocheng, new FetchedResponse
    {
        RequestedUrl = new Uri(url),
        FinalUrl = new Uri(url),
        StatusCode = 304,
        FetchedAt = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero),
    }, DocumentRole.ReportPage);

    public void Dispose()
    {
        _fetcher.Dispose();
        _metrics.Dispose();
        _data.Dispose();
    }
}
