using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Json;
using Crawler.Reports.Model;
using Crawler.Tests.Shared;
using Crawler.Worker.Cli;
using Microsoft.Data.Sqlite;

namespace Crawler.Worker.Tests.Cli;

/// <summary>A real data directory holding the five gold reports (the seed texts indexed for search), and a way to run commands on it.</summary>
public sealed class StoredReportsFixture : IDisposable
{
    public static readonly Finding Imbalance = new(FindingCodes.T3Balance, FindingSeverity.Error, "applications.columns.total", "第一项加第二项之和 3 不等于第三项加第四项之和 2");

    public StoredReportsFixture()
    {
        Root = Directory.CreateTempSubdirectory("crawler-cli-").FullName;
        PopulateAsync().GetAwaiter().GetResult();
    }

    public string Root { get; }

    private async Task PopulateAsync()
    {
        var database = new StateDatabase(DataLayout.At(Root));
        var store = new SqliteReportStore(database, TimeProvider.System);
        var search = new SqliteReportSearch(database);
        foreach (var path in Directory.GetFiles(RepositoryPaths.Gold, "*.json").Order())
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var result = ReportJson.Deserialize(await File.ReadAllTextAsync(path));
            if (name.StartsWith("000", StringComparison.Ordinal))
            {
                result = result with { Findings = [Imbalance], Report = result.Report with { Title = "聊城市商务局 2023 年\"政府信息公开\"工作年度报告, 修订" } };
            }
            var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Seeds, name + ".txt"));
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            var stored = await store.StoreVersionAsync(new ReportVersionDraft
            {
                Agency = result.Report.Agency!, Year = result.Report.Year!.Value, SourceId = "source-" + name[..3],
                Region = name.StartsWith("004", StringComparison.Ordinal) ? "青海省海东市" : "山东省", Sha256 = sha, ContentFingerprint = sha,
                DocumentUrl = new Uri($"http://127.0.0.1/reports/{name}.html"), PageUrl = name.StartsWith("001", StringComparison.Ordinal) ? new Uri("http://127.0.0.1/list/1.html") : null,
                MediaType = "text/html", FetchedAt = new DateTimeOffset(2024, 1, 25, 3, 0, 0, TimeSpan.Zero), Result = result,
            }, default);
            await search.IndexAsync(stored.VersionId, text, default);
        }
        await store.MarkFailedAsync(new string('e', 64), new DocumentContext
        {
            SourceId = "haidong-commerce", Url = new Uri("http://127.0.0.1/files/2022.pdf"), Role = "ReportAttachment",
            FetchedAt = new DateTimeOffset(2024, 1, 26, 0, 0, 0, TimeSpan.Zero),
        }, "提取失败 (extraction failed): pdftotext: Syntax Error: Couldn't read xref table", default);
    }

    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CrawlerCommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
