using System.Security.Cryptography;
using Crawler.Extraction;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Telemetry;
using Crawler.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Pipeline.Tests.Processing;

/// <summary>
/// The processing stages as the worker wires them: AddExtraction (real HTML/PDF/DOCX extractors, poppler),
/// the real ReportParser and AddStorage over a fresh data directory.
/// </summary>
internal sealed class RealPipeline : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("crawler-e2e-").FullName;
    private readonly ServiceProvider _services;
    private int _bodies;

    /// <param name="settings">Configuration beside the data directory (e.g. Extraction:Pdf limits).</param>
    /// <param name="alerts">Also AddAlerts (its observer queues alerts in the outbox; nothing delivers them).</param>
    public RealPipeline(IEnumerable<KeyValuePair<string, string?>>? settings = null, bool alerts = false)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Storage:DataDirectory", Path.Combine(_root, "data")), new("Fetch:ContactUrl", "https://example.org/crawler-contact"), .. settings ?? []])
            .Build();
        var services = new ServiceCollection().AddLogging().AddCrawling(configuration).AddExtraction(configuration).AddStorage(configuration);
        services.AddSingleton<CrawlerMetrics>().AddSingleton<ReportPipeline>();
        if (alerts) Crawler.Pipeline.Notification.AlertServiceCollectionExtensions.AddAlerts(services, configuration);
        _services = services.BuildServiceProvider();
    }

    public string DataDirectory => Path.Combine(_root, "data");

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static string Fixture(string seed, string file) => Path.Combine(RepositoryPaths.Fixtures, "formats", seed, file);

    public static Source SourceFor(string agency) => new() { Id = "src-" + agency, Agency = agency, Region = "山东省", StartUrls = ["http://127.0.0.1/"] };

    /// <summary>A 200 response carrying the file's bytes, as the fetcher hands it on (a temporary body file).</summary>
    public CrawledDocument Fetched(Source source, string url, string file, string contentType, DocumentRole role = DocumentRole.ReportPage)
    {
        var body = Path.Combine(_root, $"body-{++_bodies}.tmp");
        File.Copy(file, body);
        var bytes = File.ReadAllBytes(body);
        return new CrawledDocument(source, new FetchedResponse
        {
            RequestedUrl = new Uri(url),
            FinalUrl = new Uri(url),
            StatusCode = 200,
            ContentType = contentType,
            ResponseHeaders = [new("Content-Type", contentType)],
            BodyFile = body,
            BodyLength = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            FetchedAt = new DateTimeOffset(2024, 1, 25, 3, 0, 0, TimeSpan.Zero),
        }, role);
    }

    /// <summary>A report pipeline over these stages whose discovery is the test's (e.g. a <c>CrawlerRig</c>'s, with its fast options).</summary>
    public ReportPipeline With(ReportDiscovery discovery) =>
        new(discovery, Get<DocumentStages>(), Get<WarcWriterFactory>(), Get<CrawlerMetrics>(), TimeProvider.System, NullLogger<ReportPipeline>.Instance);

    public Task<ProcessingOutcome> ProcessAsync(CrawledDocument document) => Get<ReportPipeline>().ProcessAsync(document, null, default);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
