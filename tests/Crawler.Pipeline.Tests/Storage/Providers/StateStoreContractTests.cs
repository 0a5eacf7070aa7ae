using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Json;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Tests.Storage.Providers;

/// <summary>
/// The state store's behaviour, the same on both providers: every theory runs on SQLite and on PostgreSQL (the
/// PostgreSQL row is reported skipped, with the reason, when no cluster is running).
/// </summary>
public sealed class StateStoreContractTests
{
    private static readonly Uri ReportUrl = new("http://127.0.0.1/art/2024/1.html");

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task The_ledger_returns_the_validators_of_the_latest_successful_fetch_only(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var store = under.Store;
        await store.RecordFetchAsync(Fetch(200, "\"v1\"", "aaaa", at: 1), default);
        await store.RecordFetchAsync(Fetch(200, "\"v2\"", "bbbb", at: 2), default);
        await store.RecordFetchAsync(Fetch(304, "\"v2\"", "bbbb", at: 3) with { Size = null }, default);
        await store.RecordFetchAsync(Fetch(500, null, null, at: 4) with { Error = "HTTP 500" }, default);

        var known = await store.FindAsync(ReportUrl, default);

        Assert.NotNull(known);
        Assert.Equal(("\"v2\"", "Tue, 02 Jan 2024 00:00:00 GMT", "bbbb"), (known.ETag, known.LastModified, known.Sha256));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), known.FetchedAt);
        Assert.Null(await store.FindAsync(new Uri("http://127.0.0.1/other"), default));
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task Same_bytes_same_content_and_changed_content_give_versions_1_and_2_only(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var store = under.Store;
        var first = GoldReports.Draft(GoldReports.Liaocheng, bytes: "<html>v1</html>", text: "正文 v1");

        var created = await store.StoreVersionAsync(first, default);
        var sameBytes = await store.StoreVersionAsync(first with { DocumentUrl = new Uri("http://127.0.0.1/mirror/1.html") }, default);
        var sameContent = await store.StoreVersionAsync(first with { Sha256 = GoldReports.Sha256("<html>v1 visits=9</html>") }, default);
        var changed = await store.StoreVersionAsync(first with { Sha256 = GoldReports.Sha256("<html>v2</html>"), ContentFingerprint = GoldReports.Sha256("正文 v2") }, default);
        var oldRendition = await store.StoreVersionAsync(first with { Sha256 = GoldReports.Sha256("v1.pdf") }, default);

        Assert.Equal((1, VersionChange.NewReport), (created.Version, created.Change));
        Assert.Equal((1, VersionChange.SameBytes, created.VersionId, created.ReportId), (sameBytes.Version, sameBytes.Change, sameBytes.VersionId, sameBytes.ReportId));
        Assert.Equal((1, VersionChange.SameContent), (sameContent.Version, sameContent.Change));
        Assert.Equal((2, VersionChange.NewVersion, created.ReportId), (changed.Version, changed.Change, changed.ReportId));
        Assert.Equal((1, VersionChange.SameContent), (oldRendition.Version, oldRendition.Change));
        var versions = await store.ListVersionsAsync(new ReportFilter(), default);
        Assert.Equal([(1, false), (2, true)], versions.Select(v => (v.Version, v.IsLatest)));
        Assert.All(versions, v => Assert.Equal(("聊城市商务局", 2023), (v.Agency, v.Year)));
        Assert.Equal(2, (await store.ListVersionsAsync(new ReportFilter { LatestOnly = true }, default)).Single().Version);
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task The_parsed_model_findings_and_provenance_come_back_as_stored(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var store = under.Store;
        var draft = GoldReports.Draft(GoldReports.Huancui);
        var finding = new Finding(FindingCodes.T3Balance, FindingSeverity.Error, "applications.columns.total", "第一项加第二项之和 5 不等于第三项加第四项之和 4");
        draft = draft with { Result = draft.Result with { Findings = [finding] }, PageUrl = new Uri("http://127.0.0.1/page.html") };
        await store.RecordFetchAsync(Fetch(200, null, draft.Sha256, at: 5) with { Size = 4321 }, default);

        await store.StoreVersionAsync(draft, default);

        var stored = Assert.Single(await store.ListVersionsAsync(new ReportFilter { Agency = "环翠区", Year = 2023 }, default));
        Assert.Equal(("威海市环翠区商务局", "山东省", "2021", 4321L), (stored.Agency, stored.Region, stored.Template, stored.Size));
        Assert.Equal((new Uri("http://127.0.0.1/page.html"), draft.FetchedAt, draft.Sha256), (stored.PageUrl, stored.FetchedAt, stored.Sha256));
        Assert.Equal(finding, Assert.Single(stored.Findings));
        Assert.Equal(ReportJson.Serialize(draft.Result, indented: false), stored.ParsedJson);
        var gold = GoldReports.Result(GoldReports.Huancui);
        Assert.Equal(gold.Report.Figures().Select(f => (f.Key, f.Value)), ReportJson.Deserialize(stored.ParsedJson).Report.Figures().Select(f => (f.Key, f.Value)));
        Assert.Empty(await store.ListVersionsAsync(new ReportFilter { Agency = "聊城" }, default));
        Assert.Empty(await store.ListVersionsAsync(new ReportFilter { Year = 2022 }, default));
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task Concurrent_writers_of_the_same_report_on_separate_connections_get_distinct_consecutive_versions(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var drafts = Enumerable.Range(1, 12).Select(i => GoldReports.Draft(GoldReports.Haidong, bytes: $"bytes {i}", text: $"text {i}")).ToList();

        var stored = await Task.WhenAll(drafts.Select(d => Task.Run(() => under.NewStore().StoreVersionAsync(d, default))));

        Assert.Equal(Enumerable.Range(1, 12), stored.Select(s => s.Version).Order());
        Assert.Single(stored, s => s.Change == VersionChange.NewReport);
        Assert.Single(stored.Select(s => s.ReportId).Distinct());
        var versions = await under.Store.ListVersionsAsync(new ReportFilter(), default);
        Assert.Equal(12, versions.Count);
        Assert.Equal(12, Assert.Single(versions, v => v.IsLatest).Version);
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task Listing_orders_by_agency_year_and_version_and_the_catalog_knows_a_report_by_source_and_year(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var store = under.Store;
        foreach (var name in GoldReports.All) await store.StoreVersionAsync(GoldReports.Draft(name), default);

        var agencies = (await store.ListVersionsAsync(new ReportFilter(), default)).Select(v => v.Agency).ToList();

        Assert.Equal(agencies.Order(StringComparer.Ordinal), agencies);
        Assert.Equal(5, agencies.Count);
        Assert.True(await store.HasReportAsync("src-001", 2023, default));
        Assert.False(await store.HasReportAsync("src-001", 2022, default));
        Assert.False(await store.HasReportAsync("src-999", 2023, default));
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task A_failed_document_stays_quarantined_with_its_error_and_context_until_it_is_done(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var store = under.Store;
        var context = new DocumentContext
        {
            SourceId = "haidong", Url = new Uri("http://127.0.0.1/a.pdf"), PageUrl = new Uri("http://127.0.0.1/p.html"),
            Role = "ReportAttachment", LinkText = "2023年报告", YearHint = 2023, MediaType = "application/pdf", FetchedAt = DateTimeOffset.UnixEpoch,
            ListedOn = new DateOnly(2024, 1, 20),
        };
        await store.MarkFailedAsync("abcd", context, "提取失败: pdftotext timed out", default);
        await store.MarkFailedAsync("abcd", context, "提取失败: pdftotext timed out again", default);

        var quarantined = Assert.Single(await store.QuarantinedAsync(default));
        Assert.Equal(("abcd", ProcessingStatus.Failed, 2, "提取失败: pdftotext timed out again"),
            (quarantined.Sha256, quarantined.Status, quarantined.Attempts, quarantined.Detail));
        Assert.Equal(context, quarantined.Context);

        await store.MarkDoneAsync("abcd", context, "海东市商务局 2023 第 1 版", 7, default);
        Assert.Empty(await store.QuarantinedAsync(default));
        var done = await store.FindProcessingAsync("abcd", default);
        Assert.Equal((ProcessingStatus.Done, 3, 7L), (done!.Status, done.Attempts, done.VersionId));
        Assert.Null(await store.FindProcessingAsync("ffff", default));
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task Crawl_runs_give_each_sources_last_run_its_last_problem_and_its_quarantine(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var at = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await under.RunLog.RecordAsync(Run("liaocheng", at, problems: ["HTTP 503 http://127.0.0.1/list.html"]) with { Outcome = "partial" }, default);
        await under.RunLog.RecordAsync(Run("liaocheng", at.AddHours(1), problems: []) with { NewReports = 1 }, default);
        await under.RunLog.RecordAsync(Run("haidong", at, problems: []), default);
        await under.Store.MarkFailedAsync("abcd", new DocumentContext
        {
            SourceId = "liaocheng", Url = new Uri("http://127.0.0.1/a.pdf"), Role = "ReportAttachment", FetchedAt = at,
        }, "坏文件", default);

        var latest = await under.RunLog.LatestAsync(default);
        var states = (await under.History.StatesAsync(default)).ToDictionary(s => s.SourceId);

        Assert.Equal(["haidong", "liaocheng"], latest.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((at.AddHours(1), 1, null), (latest["liaocheng"].Last.FinishedAt, latest["liaocheng"].Last.NewReports, latest["liaocheng"].Last.Outcome));
        Assert.Equal(("partial", "HTTP 503 http://127.0.0.1/list.html"), (latest["liaocheng"].LastProblem!.Outcome, latest["liaocheng"].LastProblem!.Problem));
        Assert.Null(latest["haidong"].LastProblem);
        Assert.Equal((at.AddHours(1), at.AddHours(1), at, 1), (states["liaocheng"].LastChecked, states["liaocheng"].LastChanged, states["liaocheng"].LastProblemAt,
            states["liaocheng"].Quarantined));
        Assert.Equal("HTTP 503 http://127.0.0.1/list.html", states["liaocheng"].LastProblem);
        Assert.Equal((at, null, 0), (states["haidong"].LastChecked, states["haidong"].LastChanged, states["haidong"].Quarantined));
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task Year_totals_sum_each_figure_over_the_latest_versions(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        foreach (var name in GoldReports.All) await under.Store.StoreVersionAsync(GoldReports.Draft(name), default);
        var key = "applications.newReceived.total";
        var expected = GoldReports.All.Select(n => GoldReports.Result(n).Report.Figures().Where(f => f.Key == key).Select(f => f.Value ?? 0m).Sum()).Sum();

        var totals = Assert.Single(await under.Statistics.YearTotalsAsync([key, "no.such.figure"], default));

        Assert.Equal((2023, 5), (totals.Year, totals.Reports));
        Assert.True(expected > 0);
        Assert.Equal(expected, totals.Sums[key]);
        Assert.Equal(0m, totals.Sums["no.such.figure"]);
    }

    private static CrawlRunRecord Run(string source, DateTimeOffset at, IReadOnlyList<string> problems) => new()
    {
        SourceId = source, Agency = source + " 商务局", StartedAt = at.AddMinutes(-1), FinishedAt = at, Documents = 3, Problems = problems,
    };

    private static FetchRecord Fetch(int status, string? etag, string? sha, int at) => new()
    {
        SourceId = "liaocheng",
        Url = ReportUrl,
        FinalUrl = ReportUrl,
        Status = status,
        ResponseHeaders = etag is null ? [] : [new("etag", etag), new("Last-Modified", $"Tue, 0{at} Jan 2024 00:00:00 GMT")],
        FetchedAt = new DateTimeOffset(2024, 1, at, 0, 0, 0, TimeSpan.Zero),
        Sha256 = sha,
        MediaType = "text/html",
        Size = 10,
    };
}
