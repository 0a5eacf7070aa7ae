using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Json;
using Crawler.Tests.Shared;
using Crawler.Worker.Cli;
using Crawler.Worker.SampleSite;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Crawler.Worker.Tests.Cli;

/// <summary>A folder where the real <c>crawler crawl --once --sample</c> process has crawled the bundled sample site.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CrawledSampleFixture : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("crawler-process-").FullName;

    public string Data => Path.Combine(Root, "data");

    public CrawlerRun Crawl { get; private set; } = null!;

    public async Task InitializeAsync() => Crawl = await CrawlerProcess.RunAsync(Root, "crawl", "--once", "--sample", "--data", Data);

    public Task DisposeAsync()
    {
        const UnixFileMode writable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        foreach (var path in Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(path, writable);
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The command line as a person meets it: each test runs the real <c>crawler</c> process with stdout and stderr piped
/// and checks its exit code and what it wrote where (issue 14).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(Crawler.Worker.Tests.EndToEnd.SampleSiteCollection.Name)]
public class CommandLineProcessTests(CrawledSampleFixture sample) : IClassFixture<CrawledSampleFixture>
{
    // Ordinal comparisons: a culture-aware search ignores the control character and would find any "[".
    private const string Escape = "\u001b[";
    private static readonly string[] SampleSources =
        ["sample-liaocheng-commerce", "sample-lushan-commerce", "sample-huancui-commerce", "sample-liaocheng-office", "sample-haidong-commerce"];
    private static readonly Regex Colour = new(@"\u001b\[[0-9;]*m");
    private static readonly Regex TimestampedLine = new(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ", RegexOptions.Multiline);

    private static void OneLineError(CrawlerRun run)
    {
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, run.ToString());
        Assert.StartsWith("crawler: ", lines[0]);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("System.", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
    }

    [Fact]
    public void Crawl_once_prints_its_summary_once_on_stdout_without_ansi_codes_and_logs_with_timestamps_on_stderr()
    {
        var crawl = sample.Crawl;

        Assert.True(crawl.ExitCode == ExitCodes.Success, crawl.ToString());
        Assert.Single(Regex.Matches(crawl.Output, "抓取汇总"));
        foreach (var source in SampleSources) Assert.Single(Regex.Matches(crawl.Output, $"│ {source} "));
        Assert.DoesNotContain(Escape, crawl.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Escape, crawl.Error, StringComparison.Ordinal);
        Assert.Contains("Crawling sample-liaocheng-commerce (聊城市商务局)", crawl.Error);
        var logLines = crawl.Error.Split('\n').Where(l => l.Contains(" info ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(logLines);
        Assert.All(logLines, l => Assert.Matches(TimestampedLine, l));
        Assert.DoesNotContain("info", crawl.Output);
        // Each source's result once: the summary on stdout, nothing of it repeated on stderr but the log line.
        Assert.DoesNotContain("[sample-lushan-commerce] ", crawl.Error);
        Assert.Single(Regex.Matches(crawl.Error, "Source sample-lushan-commerce done"));
    }

    [Fact]
    public async Task Crawl_once_exits_1_when_some_sources_failed_and_3_when_all_failed()
    {
        await using var site = await SampleSiteServer.StartAsync(RepositoryPaths.Seeds, CancellationToken.None);
        var live = site.Sources()[1];
        var mixed = Path.Combine(sample.Root, "mixed-sources.json");
        var dead = Path.Combine(sample.Root, "dead-sources.json");
        await File.WriteAllTextAsync(mixed, Sources((live.Id, live.Agency, live.StartUrls[0]), ("dead-a", "甲局", "http://127.0.0.1:9/a/")));
        await File.WriteAllTextAsync(dead, Sources(("dead-a", "甲局", "http://127.0.0.1:9/a/"), ("dead-b", "乙局", "http://127.0.0.1:9/b/")));

        var some = await CrawlerProcess.RunAsync(sample.Root, "crawl", "--once", "--sources", mixed, "--data", Path.Combine(sample.Root, "mixed"));
        var all = await CrawlerProcess.RunAsync(sample.Root, "crawl", "--once", "--sources", dead, "--data", Path.Combine(sample.Root, "dead"));

        Assert.True(some.ExitCode == ExitCodes.SomeFailed, some.ToString());
        Assert.Matches($@"│ {live.Id}\s+│ 鲁山县商务局\s+│ 成功 │ 1 ", some.Output);
        Assert.Matches(@"│ dead-a\s+│ 甲局\s+│ 失败 │", some.Output);
        Assert.True(all.ExitCode == ExitCodes.Failed, all.ToString());
        Assert.Contains("connection to 127.0.0.1:9 failed", all.Output);
    }

    [Fact]
    public async Task Parse_of_an_html_report_prints_its_figures_and_parse_of_a_non_report_exits_4_with_the_reason()
    {
        var html = Path.Combine(RepositoryPaths.Fixtures, "formats", "000_79386d8b7b396ab1", "report.gbk.html");
        var notice = Path.Combine(sample.Root, "notice.txt");
        await File.WriteAllTextAsync(notice, "关于召开安全生产会议的通知\n\n请各单位于周五前报送材料。");

        var report = await CrawlerProcess.RunAsync(sample.Root, "parse", html);
        var notAReport = await CrawlerProcess.RunAsync(sample.Root, "parse", notice);

        Assert.True(report.ExitCode == ExitCodes.Success, report.ToString());
        Assert.Contains("聊城市商务局", report.Output);
        Assert.Contains("表三 收到和处理政府信息公开申请情况", report.Output);
        Assert.Equal(ExitCodes.NotAReport, notAReport.ExitCode);
        Assert.Equal("", notAReport.Output);
        OneLineError(notAReport);
        Assert.Contains("notice.txt 不是政府信息公开工作年度报告 (not an annual report): 未找到", notAReport.Error);
    }

    [Fact]
    public async Task Usage_errors_exit_2_with_one_line_that_names_what_was_expected()
    {
        var year = await CrawlerProcess.RunAsync(sample.Root, "reports", "--year", "abc", "--data", sample.Data);
        var finding = await CrawlerProcess.RunAsync(sample.Root, "search", "商务", "--finding", "NOPE", "--data", sample.Data);
        var oneCharacter = await CrawlerProcess.RunAsync(sample.Root, "search", "商", "--data", sample.Data);

        Assert.Equal(ExitCodes.Usage, year.ExitCode);
        OneLineError(year);
        Assert.Contains("--year 的值「abc」无效：应为一个整数", year.Error);
        Assert.Equal(ExitCodes.Usage, finding.ExitCode);
        OneLineError(finding);
        Assert.Contains("未知的发现代码「NOPE」", finding.Error);
        Assert.Contains("T3_BALANCE, T3_ROW_TOTAL", finding.Error);
        Assert.Equal(ExitCodes.Usage, oneCharacter.ExitCode);
        Assert.Equal("", oneCharacter.Output);
        OneLineError(oneCharacter);
        Assert.Contains("检索词至少要两个字", oneCharacter.Error);
    }

    [Fact]
    public async Task An_export_to_a_missing_folder_is_one_line_and_exit_3_and_debug_adds_the_trace()
    {
        var target = Path.Combine(sample.Root, "no-such-folder", "reports.csv");

        var plain = await CrawlerProcess.RunAsync(sample.Root, "export", "--format", "csv", "--output", target, "--data", sample.Data);
        var debug = await CrawlerProcess.RunAsync(sample.Root, "export", "--format", "csv", "--output", target, "--data", sample.Data, "--debug");

        Assert.Equal(ExitCodes.Failed, plain.ExitCode);
        OneLineError(plain);
        Assert.Contains("no-such-folder", plain.Error);
        Assert.Equal(ExitCodes.Failed, debug.ExitCode);
        Assert.Contains("   at ", debug.Error);
    }

    [Fact]
    public async Task Reports_search_compliance_export_and_status_work_on_a_read_only_data_folder()
    {
        // The unprivileged user must reach the copy: temporary folders are created private to their owner.
        File.SetUnixFileMode(sample.Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var copy = Path.Combine(sample.Root, "read-only");
        CopyTree(sample.Data, copy);
        MakeReadOnly(copy);
        var before = Directory.GetFileSystemEntries(copy, "*", SearchOption.AllDirectories).Order().ToList();
        var written = Path.Combine(Path.GetTempPath(), "crawler-ro-export-" + Guid.NewGuid().ToString("N") + ".csv");

        try
        {
            var reports = await CrawlerProcess.RunUnprivilegedAsync(Path.GetTempPath(), "reports", "--data", copy, "--format", "json");
            var search = await CrawlerProcess.RunUnprivilegedAsync(Path.GetTempPath(), "search", "复议", "--data", copy);
            var compliance = await CrawlerProcess.RunUnprivilegedAsync(Path.GetTempPath(), "compliance", "--year", "2023", "--data", copy);
            var export = await CrawlerProcess.RunUnprivilegedAsync(Path.GetTempPath(), "export", "--format", "csv", "--output", written, "--data", copy);
            var status = await CrawlerProcess.RunUnprivilegedAsync(Path.GetTempPath(), "status", "--data", copy);

            foreach (var run in new[] { reports, search, compliance, export, status }) Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
            Assert.Contains("\"agency\": \"聊城市商务局\"", reports.Output);
            Assert.Contains("鲁山县商务局", search.Output);
            Assert.Contains("聊城市商务局", compliance.Output);
            Assert.Equal(6, File.ReadAllLines(written).Length);
            Assert.Contains("sample-haidong-commerce", status.Output);
            Assert.Equal(before, Directory.GetFileSystemEntries(copy, "*", SearchOption.AllDirectories).Order());
        }
        finally
        {
            File.Delete(written);
        }
    }

    [Fact]
    public async Task The_csv_export_has_the_templates_printed_labels_and_beijing_time_and_keys_on_request()
    {
        var labelled = await CrawlerProcess.RunAsync(sample.Root, "export", "--format", "csv", "--data", sample.Data);
        var keyed = await CrawlerProcess.RunAsync(sample.Root, "export", "--format", "csv", "--header", "keys", "--data", sample.Data);

        Assert.True(labelled.ExitCode == ExitCodes.Success, labelled.ToString());
        var header = labelled.Output.Split("\r\n")[0];
        Assert.StartsWith("\uFEFF机关,地区,年度,版本", header);
        Assert.Contains("抓取时间（北京时间）", header);
        Assert.Contains("自然人", header);
        Assert.Contains("本年新收政府信息公开申请数量", header);
        Assert.DoesNotContain("applications.newReceived.naturalPerson", header);
        var row = labelled.Output.Split("\r\n")[1];
        Assert.Matches(@",\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,", row);
        Assert.DoesNotMatch(@"\d\d:\d\d:\d\d\.\d", row);
        Assert.True(keyed.ExitCode == ExitCodes.Success, keyed.ToString());
        Assert.Contains(",applications.newReceived.naturalPerson,", keyed.Output.Split("\r\n")[0]);
        Assert.Matches(@",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00,", keyed.Output.Split("\r\n")[1]);
    }

    [Fact]
    public async Task The_xlsx_export_has_a_sheet_per_table_and_one_of_findings_with_the_figures_as_numbers()
    {
        var target = Path.Combine(sample.Root, "reports.xlsx");

        var run = await CrawlerProcess.RunAsync(sample.Root, "export", "--format", "xlsx", "--output", target, "--data", sample.Data);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var document = SpreadsheetDocument.Open(target, isEditable: false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal("报告", sheets[0]);
        Assert.Contains(sheets, s => s.StartsWith("表二", StringComparison.Ordinal));
        Assert.Contains(sheets, s => s.StartsWith("表三", StringComparison.Ordinal));
        Assert.Contains(sheets, s => s.StartsWith("表四", StringComparison.Ordinal));
        Assert.Equal("发现", sheets[^1]);
        var applications = (WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>()
            .Single(s => s.Name!.Value!.StartsWith("表三", StringComparison.Ordinal)).Id!.Value!);
        var rows = applications.Worksheet.Descendants<Row>().ToList();
        Assert.Equal(6, rows.Count); // header + five reports
        Assert.Contains(rows.Skip(1).SelectMany(r => r.Elements<Cell>()), c => (c.DataType is null || c.DataType.Value == CellValues.Number) && c.CellValue is { Text: "3" });
    }

    [Fact]
    public async Task Original_writes_the_archived_bytes_with_their_sha256_and_where_and_when_they_were_fetched()
    {
        var target = Path.Combine(sample.Root, "original.html");

        var run = await CrawlerProcess.RunAsync(sample.Root, "original", "聊城市商务局", "2023", "-o", target, "--data", sample.Data);
        var unknown = await CrawlerProcess.RunAsync(sample.Root, "original", "不存在的局", "2023", "--data", sample.Data);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(target)));
        Assert.Contains($"sha256 {sha}", run.Output);
        Assert.Matches(@"来源 \(fetched from\) http://127\.0\.0\.1:\d+/liaocheng/", run.Output);
        Assert.Matches(@"抓取时间 \(fetched at\) \d{4}-\d\d-\d\d \d\d:\d\d:\d\d（北京时间）", run.Output);
        Assert.NotEqual(ExitCodes.Success, unknown.ExitCode);
        OneLineError(unknown);
        Assert.Contains("不存在的局", unknown.Error);
    }

    [Fact]
    public async Task Status_prints_each_sources_last_run_and_outcome_from_the_state_database()
    {
        var run = await CrawlerProcess.RunAsync(sample.Root, "status", "--data", sample.Data);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        foreach (var source in SampleSources) Assert.Matches($@"│ {source}\s+│ \S+\s+│ \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d │ 成功 1 新 / \d 文档", run.Output);
        Assert.Contains("5 个来源 (sources)", run.Output);
    }

    [Fact]
    public async Task Reports_diff_shows_each_changed_figure_between_two_versions()
    {
        var data = Path.Combine(sample.Root, "two-versions");
        await StoreTwoVersionsAsync(data);

        var run = await CrawlerProcess.RunAsync(sample.Root, "reports", "--diff", "--data", data);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("鲁山县商务局 2023 年：第1版 → 第2版", run.Output);
        Assert.Contains("[applications.newReceived.naturalPerson]: 0 → 2", run.Output);
        Assert.Contains("[applications.newReceived.total]: 0 → 2", run.Output);
        Assert.Contains("2 个数字不同 (figures changed)", run.Output);
    }

    [Fact]
    public async Task Search_highlights_a_quoted_phrase_and_prints_scores_as_plain_numbers()
    {
        var run = await CrawlerProcess.RunAsync(sample.Root, "search", "\"行政复议\"", "--data", sample.Data);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("【行政复议】", run.Output);
        Assert.Matches(@"\(score \d+\.\d+\)", run.Output);
        Assert.DoesNotMatch(@"score [^)]*E-", run.Output);
    }

    [Fact]
    public async Task Run_prints_each_sources_schedule_and_next_run_and_logs_with_timestamps()
    {
        var sources = Path.Combine(sample.Root, "scheduled-sources.json");
        await File.WriteAllTextAsync(sources, """
            {"sources": [{"id": "dead-a", "agency": "甲局", "startUrls": ["http://127.0.0.1:9/a/"], "allowPrivateNetwork": true, "verified": true, "schedule": "0 30 6 * * ?"},
                         {"id": "dead-b", "agency": "乙局", "startUrls": ["http://127.0.0.1:9/b/"], "allowPrivateNetwork": true, "verified": true}]}
            """);
        var environment = new Dictionary<string, string?> { ["Web__Port"] = LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture), ["Web__BindAddress"] = "127.0.0.1" };
        using var process = CrawlerProcess.Start(sample.Root, environment, "run", "--sources", sources, "--data", Path.Combine(sample.Root, "scheduled"));
        var output = new List<string>();
        try
        {
            while (output.Count < 3 && await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)) is { } line) output.Add(line);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var error = await process.StandardError.ReadToEndAsync();

        Assert.True(output.Count == 3, string.Join('\n', output) + "\n" + error);
        Assert.Equal("调度 (schedule): 2 个来源，时间为北京时间", output[0]);
        Assert.Matches(@"^  dead-a 甲局: 0 30 6 \* \* \?.*；下次 \(next run\) \d{4}-\d\d-\d\d 06:30:00$", output[1]);
        Assert.Matches(@"^  dead-b 乙局: 季节默认.*；下次 \(next run\) \d{4}-\d\d-\d\d \d\d:\d\d:00$", output[2]);
        var logLines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(logLines);
        Assert.All(logLines, l => Assert.Matches(TimestampedLine, l));
    }

    [Fact]
    public async Task On_a_terminal_tables_are_coloured_unless_NO_COLOR_is_set()
    {
        if (!File.Exists("/usr/bin/script")) return; // util-linux's script gives the command a terminal
        var command = $"stty cols 240; dotnet '{CrawlerProcess.Dll}' status --data '{sample.Data}'";

        var coloured = await Terminal(command, noColor: false);
        var plain = await Terminal(command, noColor: true);

        // .NET itself switches a terminal's keypad mode (ESC[?1h ESC=); colour is the SGR sequence ESC[…m.
        Assert.Matches(Colour, coloured);
        Assert.Contains("sample-lushan-commerce", plain);
        Assert.DoesNotMatch(Colour, plain);
    }

    [Fact]
    public async Task On_a_terminal_crawl_once_shows_n_of_m_documents_per_source_keeps_logs_quiet_and_prints_the_summary_once()
    {
        if (!File.Exists("/usr/bin/script")) return;
        var data = Path.Combine(sample.Root, "terminal-crawl");

        var screen = await Terminal($"stty cols 200; dotnet '{CrawlerProcess.Dll}' crawl --once --sample --data '{data}'", noColor: false);

        Assert.Matches(@"聊城市商务局: \d+ / [1-9]\d* 个文档", screen);
        Assert.Matches(@"海东市商务局: \d+ / 2 个文档", screen);
        Assert.Single(Regex.Matches(screen, "抓取汇总"));
        Assert.DoesNotContain(" info ", screen);
        Assert.Matches(Colour, screen);
    }

    private static async Task<string> Terminal(string command, bool noColor)
    {
        var info = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-qec", command, "/dev/null" }) info.ArgumentList.Add(arg);
        info.Environment["TERM"] = "xterm-256color";
        info.Environment.Remove("NO_COLOR");
        if (noColor) info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);
        return output;
    }

    private static async Task StoreTwoVersionsAsync(string data)
    {
        var store = new SqliteReportStore(new StateDatabase(DataLayout.At(data)), TimeProvider.System);
        var gold = Path.Combine(RepositoryPaths.Gold, "001_9c70bb7b05579109.json");
        var first = ReportJson.Deserialize(await File.ReadAllTextAsync(gold));
        var changed = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(gold))!;
        changed["applications"]!["newReceived"]!["naturalPerson"] = 2;
        changed["applications"]!["newReceived"]!["total"] = 2;
        var second = ReportJson.Deserialize(changed.ToJsonString());
        var version = 0;
        foreach (var result in new[] { first, second })
        {
            version++;
            var sha = new string((char)('a' + version), 64);
            await store.StoreVersionAsync(new ReportVersionDraft
            {
                Agency = "鲁山县商务局", Year = 2023, SourceId = "lushan-commerce", Region = "河南省平顶山市鲁山县", Sha256 = sha, ContentFingerprint = sha,
                DocumentUrl = new Uri("http://127.0.0.1/lushan/report.html"), MediaType = "text/html",
                FetchedAt = new DateTimeOffset(2024, 1, 20 + version, 2, 0, 0, TimeSpan.Zero), Result = result,
            }, default);
        }
    }

    private static string Sources(params (string Id, string Agency, string Url)[] sources) =>
        "{\"sources\": [" + string.Join(",", sources.Select(s =>
            $"{{\"id\": \"{s.Id}\", \"agency\": \"{s.Agency}\", \"startUrls\": [\"{s.Url}\"], \"allowPrivateNetwork\": true, \"verified\": true}}")) + "]}";

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }

    private static void MakeReadOnly(string root)
    {
        const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode searchable = readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(file, readable);
        foreach (var directory in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(directory, searchable);
        File.SetUnixFileMode(root, searchable);
    }
}
