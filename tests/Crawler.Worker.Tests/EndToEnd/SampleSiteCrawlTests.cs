using System.Text.Json.Nodes;
using Crawler.Tests.Shared;

namespace Crawler.Worker.Tests.EndToEnd;

/// <summary>
/// The README's first command on a machine without internet: crawl the bundled sample site (built from the five
/// seed reports) through the whole pipeline, then read the figures back as a user would.
/// </summary>
[Collection(Crawler.Worker.Tests.EndToEnd.SampleSiteCollection.Name)]
public sealed class SampleSiteCrawlTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crawl-e2e-").FullName;

    /// <summary>
    /// The sample site's port for both crawls: the preferred port may be held by another test's sample crawl running
    /// meanwhile, and a fallback port per crawl gave the second crawl other URLs (no 304s, the test failed).
    /// </summary>
    private readonly Dictionary<string, string?> _site = new() { ["SampleSite__Port"] = LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task A_first_crawl_stores_every_sample_report_with_the_gold_figures_and_a_second_crawl_changes_nothing()
    {
        var first = await CrawlerProcess.RunAsync(_directory, _site, "crawl", "--once", "--sample", "--data", "data");
        Assert.True(first.ExitCode == 0, first.Output + first.Error);

        var reports = await ReportsAsync();
        Assert.Equal(5, reports.Count);
        foreach (var gold in Directory.GetFiles(RepositoryPaths.Gold, "*.json").Select(f => JsonNode.Parse(File.ReadAllText(f))!))
        {
            var agency = gold["agency"]!.GetValue<string>();
            var stored = Assert.Single(reports, r => r!["agency"]!.GetValue<string>() == agency);
            Assert.Equal(1, stored!["version"]!.GetValue<int>());
            GoldComparison.AssertSameFigures(gold, stored["report"]!, agency);
        }
        var archived = ArchivedFiles();

        var compliance = await CrawlerProcess.RunAsync(_directory, "compliance", "--year", "2023", "--data", "data", "--format", "json");
        var rows = JsonNode.Parse(compliance.Output)!.AsArray();
        Assert.Equal(5, rows.Count);
        // Found today, long after 31 January 2024, yet on time by the reports' own dates (page meta, URL, list entry);
        // none of the seeds breaks a consistency rule.
        Assert.All(rows, row => Assert.Equal("onTime", row!["status"]!.GetValue<string>()));
        Assert.All(rows, row => Assert.True(row!["figuresAddUp"]!.GetValue<bool>()));
        var published = rows.ToDictionary(r => r!["agency"]!.GetValue<string>(), r => (r!["publishedAt"]!.GetValue<string>(), r["publishedAtSource"]!.GetValue<string>()));
        Assert.Equal(("2024-01-25", "pageMetadata"), published["聊城市商务局"]);
        Assert.Equal(("2024-01-29", "pageMetadata"), published["聊城市人民政府办公室"]);
        Assert.Equal(("2024-01-20", "pageMetadata"), published["鲁山县商务局"]);
        Assert.Equal(("2024-01-28", "pageMetadata"), published["威海市环翠区商务局"]);
        Assert.Equal(("2024-01-31", "url"), published["海东市商务局"]);       // a DOCX attachment: its page's URL t20240131_5.html
        Assert.All(rows, row => Assert.DoesNotContain("PUBLISHED_AT_CONFLICT", row!["findings"]!.ToJsonString()));

        var warcBefore = WarcFiles();
        // The first crawl's WARC holds every exchange: list pages as well as the report documents.
        var firstRun = warcBefore.SelectMany(WarcRecords).ToList();
        Assert.Contains(firstRun, r => r.Type == "response" && r.Uri.EndsWith("/liaocheng/zfxxgknb/index.html", StringComparison.Ordinal));
        Assert.Contains(firstRun, r => r.Type == "response" && r.Uri.EndsWith(".docx", StringComparison.Ordinal));
        var second = await CrawlerProcess.RunAsync(_directory, _site, "crawl", "--once", "--sample", "--data", "data");
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        // Conditional GET: every report document answers 304 (a revisit record); only list pages are read again.
        var secondRun = WarcFiles().Except(warcBefore).SelectMany(WarcRecords).ToList();
        var reportUrls = reports.SelectMany(r => new[] { r!["documentUrl"]?.GetValue<string>(), r["pageUrl"]?.GetValue<string>() }).OfType<string>().ToHashSet();
        var revisited = secondRun.Where(r => r.Type == "revisit").Select(r => r.Uri).Distinct().Order().ToArray();
        Assert.True(reportUrls.Order().SequenceEqual(revisited),
            $"revisited {string.Join(", ", revisited)}; expected {string.Join(", ", reportUrls.Order())}; second run's records: "
            + string.Join(", ", secondRun.Select(r => $"{r.Type} {r.Uri}")) + $"\n{second.Output}\n{second.Error}");
        Assert.DoesNotContain(secondRun, r => r.Type == "response" && reportUrls.Contains(r.Uri));
        Assert.DoesNotContain(": 1 new,", second.Output);
        Assert.Equal(5, (await ReportsAsync()).Count);
        Assert.Equal(archived, ArchivedFiles());
    }

    [Fact]
    public async Task Two_character_queries_find_the_reports_that_contain_them()
    {
        var crawl = await CrawlerProcess.RunAsync(_directory, "crawl", "--once", "--sample", "--data", "data");
        Assert.True(crawl.ExitCode == 0, crawl.Output + crawl.Error);

        var commerce = await CrawlerProcess.RunAsync(_directory, "search", "商务", "--data", "data", "--limit", "20");
        foreach (var agency in new[] { "聊城市商务局", "鲁山县商务局", "威海市环翠区商务局", "海东市商务局" }) Assert.Contains(agency, commerce.Output);

        var review = await CrawlerProcess.RunAsync(_directory, "search", "复议", "--data", "data", "--agency", "海东市商务局");
        Assert.Contains("海东市商务局", review.Output);
        Assert.DoesNotContain("鲁山县商务局", review.Output);
    }

    private async Task<List<JsonNode?>> ReportsAsync()
    {
        var result = await CrawlerProcess.RunAsync(_directory, "reports", "--data", "data", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonNode.Parse(result.Output)!.AsArray().ToList();
    }

    private string[] WarcFiles() => Directory.GetFiles(Path.Combine(_directory, "data", "warc"));

    /// <summary>(WARC-Type, WARC-Target-URI) of every record with a target, read from the gzip members.</summary>
    private static IEnumerable<(string Type, string Uri)> WarcRecords(string file)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, System.Text.Encoding.Latin1);
        var records = new List<(string, string)>();
        string? type = null;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("WARC-Type: ", StringComparison.Ordinal)) type = line["WARC-Type: ".Length..];
            else if (line.StartsWith("WARC-Target-URI: ", StringComparison.Ordinal) && type is not null)
            {
                records.Add((type, line["WARC-Target-URI: ".Length..].Trim('<', '>')));
                type = null;
            }
        }
        return records;
    }

    private string[] ArchivedFiles() =>
        Directory.GetFiles(Path.Combine(_directory, "data", "archive"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order().ToArray()!;

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
