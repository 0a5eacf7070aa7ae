using System.Security.Cryptography;
using System.Text;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Json;
using Crawler.Reports.Parsing;
using Crawler.Tests.Shared;

namespace Crawler.Pipeline.Tests.Storage;

/// <summary>Realistic parsed reports: the hand-checked gold files, and the seed texts they were read from.</summary>
internal static class GoldReports
{
    public const string Liaocheng = "000_79386d8b7b396ab1";
    public const string Lushan = "001_9c70bb7b05579109";
    public const string Huancui = "002_b51c1edc0662ec25";
    public const string LiaochengOffice = "003_1bfe41904e475b00";
    public const string Haidong = "004_c578ef021bbe04ee";

    public static IReadOnlyList<string> All { get; } = [Liaocheng, Lushan, Huancui, LiaochengOffice, Haidong];

    public static ReportParseResult Result(string name) =>
        ReportJson.Deserialize(File.ReadAllText(Path.Combine(RepositoryPaths.Gold, name + ".json")));

    public static string SeedText(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, name + ".txt"));

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static ReportVersionDraft Draft(string name, string? bytes = null, string? text = null)
    {
        var result = Result(name);
        bytes ??= SeedText(name);
        return new ReportVersionDraft
        {
            Agency = result.Report.Agency!,
            Year = result.Report.Year!.Value,
            SourceId = "src-" + name[..3],
            Region = "山东省",
            Sha256 = Sha256(bytes),
            TextSha256 = Sha256(text ?? bytes),
            DocumentUrl = new Uri($"http://127.0.0.1/{name}.html"),
            MediaType = "text/html",
            FetchedAt = new DateTimeOffset(2024, 1, 25, 3, 0, 0, TimeSpan.Zero),
            Result = result,
        };
    }
}
