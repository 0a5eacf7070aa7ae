using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Json;
using Crawler.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Pipeline.Tests.Indexing;

internal static class IndexingFixtures
{
    public static readonly Source Liaocheng = new()
    {
        Id = "liaocheng-commerce",
        Agency = "聊城市商务局",
        Region = "山东省聊城市",
        StartUrls = ["http://swj.liaocheng.gov.cn/"],
    };

    /// <summary>A stored version of the gold report 000 (聊城市商务局 2023), with the given content hash and version number.</summary>
    public static StoredReportVersion Version(string sha256, int version = 1, long versionId = 1, Source? source = null)
    {
        source ??= Liaocheng;
        var result = ReportJson.Deserialize(File.ReadAllText(Path.Combine(RepositoryPaths.Gold, "000_79386d8b7b396ab1.json")));
        return new StoredReportVersion
        {
            VersionId = versionId,
            Source = source,
            // As the store announces it: the report filed under the source's agency.
            Result = result with { Report = result.Report with { Agency = source.Agency } },
            Sha256 = sha256,
            DocumentUrl = new Uri("http://swj.liaocheng.gov.cn/module/download/downfile.jsp?filename=2023年报.pdf"),
            PageUrl = new Uri("http://swj.liaocheng.gov.cn/art/2024/1/20/art_1_1.html"),
            MediaType = "application/pdf",
            FetchedAt = new DateTimeOffset(2024, 1, 25, 8, 30, 0, TimeSpan.Zero),
            Version = version,
            Text = "聊城市商务局2023年政府信息公开工作年度报告 本年新收政府信息公开申请 3 件",
        };
    }

    public static ElasticsearchOptions Options(Uri url, Func<ElasticsearchOptions, ElasticsearchOptions>? adjust = null)
    {
        var options = new ElasticsearchOptions
        {
            Url = url,
            Username = "elastic",
            Password = "changeme",
            RequestTimeout = TimeSpan.FromSeconds(5),
            PollInterval = TimeSpan.FromMilliseconds(10),
        };
        return adjust is null ? options : adjust(options);
    }

    /// <summary>The index as the worker builds it: the official client configured from the options.</summary>
    public static ElasticsearchReportIndex Client(ElasticsearchOptions options) => new(ElasticsearchClientFactory.Create(options), options);

    /// <summary>The one outbox dispatcher with the index as its only consumer.</summary>
    public static OutboxDispatcher Dispatcher(IOutbox outbox, ElasticsearchOptions options) =>
        new(outbox, [new IndexDelivery(Client(options), options, NullLogger<IndexDelivery>.Instance)], TimeProvider.System, NullLogger<OutboxDispatcher>.Instance);

    /// <summary>A port nothing listens on: bound then released.</summary>
    public static Uri ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
