using System.Security.Cryptography;
using Crawler.Extraction;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Storage;
using Crawler.Reports.Parsing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Pipeline.Tests.Processing;

/// <summary>A real data directory (SQLite, archive, WARC, search) around a <see cref="DocumentProcessor"/>.</summary>
internal sealed class ProcessingHarness : IDisposable
{
    public static readonly Source Liaocheng = new()
    {
        Id = "liaocheng-commerce", Agency = "聊城市商务局", Region = "山东省聊城市", StartUrls = ["http://127.0.0.1/xxgk/ndbg/"],
    };

    private readonly TemporaryDataDirectory _data = new();
    private int _fetches;

    public ProcessingHarness(IDocumentExtraction? extraction = null, IReportParser? parser = null)
    {
        Store = _data.Store();
        Archive = new ContentAddressedArchive(_data.Layout.Archive);
        Search = new SqliteReportSearch(_data.Database);
        Warc = new WarcWriterFactory(_data.Layout.Warc, TimeProvider.System);
        var analysis = new ArchivedDocumentProcessor(Archive, Store, extraction ?? Extraction, parser ?? Parser,
            [new EmbeddedSearchIndexer(Search), Observer], NullLogger<ArchivedDocumentProcessor>.Instance);
        Processor = new DocumentProcessor(Archive, Store, analysis, NullLogger<DocumentProcessor>.Instance);
    }

    public DataLayout Layout => _data.Layout;

    public SqliteReportStore Store { get; }

    public ContentAddressedArchive Archive { get; }

    public SqliteReportSearch Search { get; }

    public WarcWriterFactory Warc { get; }

    public ScriptedExtraction Extraction { get; } = new();

    public ReportJsonParser Parser { get; } = new();

    public RecordingObserver Observer { get; } = new();

    public DocumentProcessor Processor { get; }

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

    public void Dispose() => _data.Dispose();
}
