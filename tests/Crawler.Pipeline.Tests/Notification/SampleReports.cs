using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Sources;
using Crawler.Reports.Json;
using Crawler.Reports.Parsing;
using Crawler.Reports.Model;
using Crawler.Tests.Shared;

namespace Crawler.Pipeline.Tests.Notification;

/// <summary>Stored report versions built from the hand-checked gold reports.</summary>
internal static class SampleReports
{
    public const string LiaochengGold = "000_79386d8b7b396ab1.json";
    public const string Sha256 = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f";

    public static Source Liaocheng { get; } = new()
    {
        Id = "sd-liaocheng-commerce",
        Agency = "聊城市商务局",
        Region = "山东省聊城市",
        StartUrls = ["http://127.0.0.1:9/sd-liaocheng-commerce/zfxxgk/ndbg/"],
        Verified = true,
    };

    public static Finding BalanceError { get; } = new(FindingCodes.T3Balance, FindingSeverity.Error, "applications.columns.total",
        "表三总计列：本年新收 3 + 上年结转 0 ≠ 办理结果总计 2 + 结转下年度 0");

    public static Finding LabelWarning { get; } = new(FindingCodes.LabelVariant, FindingSeverity.Warning, "applications.partiallyGranted",
        "“部分公开”缺少模板限定语");

    public static ReportParseResult Gold(string file = LiaochengGold) =>
        ReportJson.Deserialize(File.ReadAllText(Path.Combine(RepositoryPaths.Gold, file)));

    public static StoredReportVersion Version(int version = 1, string sha256 = Sha256, params Finding[] findings) => new()
    {
        VersionId = version,
        Source = Liaocheng,
        Result = Gold() with { Findings = findings },
        Sha256 = sha256,
        DocumentUrl = new Uri("http://127.0.0.1:9/sd-liaocheng-commerce/files/2023ndbg.pdf"),
        PageUrl = new Uri("http://127.0.0.1:9/sd-liaocheng-commerce/zfxxgk/ndbg/202401/t20240125_1.html"),
        MediaType = "application/pdf",
        FetchedAt = new DateTimeOffset(2024, 1, 26, 2, 0, 0, TimeSpan.Zero),
        Version = version,
        Text = "聊城市商务局2023年政府信息公开工作年度报告",
    };
}
