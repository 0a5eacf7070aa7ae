using Crawler.Pipeline.Storage;
using Crawler.Reports.Json;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Tests.Storage;

public sealed class SqliteReportStoreTests : IDisposable
{
    private static readonly Uri ReportUrl = new("http://127.0.0.1/art/2024/1.html");
    private readonly TemporaryDataDirectory _data = new();

    [Fact]
    public async Task The_ledger_returns_the_validators_of_the_latest_successful_fetch_only()
    {
        var store = _data.Store();
        await store.RecordFetchAsync(Fetch(200, "\"v1\"", "aaaa", at: 1), default);
        await store.RecordFetchAsync(Fetch(200, "\"v2\"", "bbbb", at: 2), default);
        await store.RecordFetchAsync(Fetch(304, "\"v2\"", "bbbb", at: 3) with { Size = null }, default);
        await store.RecordFetchAsync(Fetch(500, null, null, at: 4) with { Error = "HTTP 500" }, default);

        var known = await store.FindAsync(ReportUrl, default);

        Assert.NotNull(known);
        Assert.Equal("\"v2\"", known.ETag);
        Assert.Equal("Tue, 02 Jan 2024 00:00:00 GMT", known.LastModified);
        Assert.Equal("bbbb", known.Sha256);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), known.FetchedAt);
        Assert.Null(await store.FindAsync(new Uri("http://127.0.0.1/other"), default));
        await using var connection = await _data.Database.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT response_headers FROM fetches ORDER BY id LIMIT 1";
        Assert.Equal("[[\"etag\",\"\\\"v1\\\"\"],[\"Last-Modified\",\"Tue, 01 Jan 2024 00:00:00 GMT\"]]", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_new_report_then_the_same_bytes_then_the_same_content_then_changed_content_gives_versions_1_and_2_only()
    {
        var store = _data.Store();
        var first = GoldReports.Draft(GoldReports.Liaocheng, bytes: "<html>v1</html>", text: "正文 v1");

        var created = await store.StoreVersionAsync(first, default);
        var sameBytes = await store.StoreVersionAsync(first with { DocumentUrl = new Uri("http://127.0.0.1/mirror/1.html") }, default);
        var sameContent = await store.StoreVersionAsync(first with { Sha256 = GoldReports.Sha256("<html>v1 visits=9</html>") }, default);
        var changed = await store.StoreVersionAsync(first with { Sha256 = GoldReports.Sha256("<html>v2</html>"), ContentFingerprint = GoldReports.Sha256("正文 v2") }, default);
        var oldRendition = await store.StoreVersionAsync(first with { Sha256 = GoldReports.Sha256("v1.pdf") }, default);

        Assert.Equal((1, VersionChange.NewReport), (created.Version, created.Change));
        Assert.Equal((1, VersionChange.SameBytes, created.VersionId), (sameBytes.Version, sameBytes.Change, sameBytes.VersionId));
        Assert.Equal((1, VersionChange.SameContent), (sameContent.Version, sameContent.Change));
        Assert.Equal((2, VersionChange.NewVersion, created.ReportId), (changed.Version, changed.Change, changed.ReportId));
        Assert.Equal((1, VersionChange.SameContent), (oldRendition.Version, oldRendition.Change));
        var versions = await store.ListVersionsAsync(new ReportFilter(), default);
        Assert.Equal([(1, false), (2, true)], versions.Select(v => (v.Version, v.IsLatest)));
        Assert.All(versions, v => Assert.Equal(("聊城市商务局", 2023), (v.Agency, v.Year)));
        Assert.Equal(2, (await store.ListVersionsAsync(new ReportFilter { LatestOnly = true }, default)).Single().Version);
    }

    [Fact]
    public async Task The_parsed_model_and_findings_come_back_as_stored()
    {
        var store = _data.Store();
        var draft = GoldReports.Draft(GoldReports.Huancui);
        var finding = new Finding(FindingCodes.T3Balance, FindingSeverity.Error, "applications.columns.total", "第一项加第二项之和 5 不等于第三项加第四项之和 4");
        draft = draft with { Result = draft.Result with { Findings = [finding] }, PageUrl = new Uri("http://127.0.0.1/page.html") };

        await store.StoreVersionAsync(draft, default);

        var stored = Assert.Single(await store.ListVersionsAsync(new ReportFilter { Agency = "环翠区", Year = 2023 }, default));
        Assert.Equal("威海市环翠区商务局", stored.Agency);
        Assert.Equal("山东省", stored.Region);
        Assert.Equal(new Uri("http://127.0.0.1/page.html"), stored.PageUrl);
        Assert.Equal("2021", stored.Template);
        Assert.Equal(finding, Assert.Single(stored.Findings));
        var model = ReportJson.Deserialize(stored.ParsedJson);
        var gold = GoldReports.Result(GoldReports.Huancui);
        Assert.Equal(gold.Report.Figures().Select(f => (f.Key, f.Value)), model.Report.Figures().Select(f => (f.Key, f.Value)));
        Assert.Empty(await store.ListVersionsAsync(new ReportFilter { Agency = "聊城" }, default));
        Assert.Empty(await store.ListVersionsAsync(new ReportFilter { Year = 2022 }, default));
    }

    [Fact]
    public async Task Concurrent_writers_of_the_same_report_get_distinct_consecutive_version_numbers()
    {
        var drafts = Enumerable.Range(1, 12).Select(i => GoldReports.Draft(GoldReports.Haidong, bytes: $"bytes {i}", text: $"text {i}")).ToList();

        var stored = await Task.WhenAll(drafts.Select(d => Task.Run(() => new SqliteReportStore(new StateDatabase(_data.Layout), TimeProvider.System)
            .StoreVersionAsync(d, default))));

        Assert.Equal(Enumerable.Range(1, 12), stored.Select(s => s.Version).Order());
        Assert.Single(stored, s => s.Change == VersionChange.NewReport);
        var versions = await _data.Store().ListVersionsAsync(new ReportFilter(), default);
        Assert.Equal(12, versions.Count);
        Assert.Equal(12, Assert.Single(versions, v => v.IsLatest).Version);
    }

    [Fact]
    public async Task The_catalog_knows_a_report_by_source_and_year()
    {
        var store = _data.Store();
        await store.StoreVersionAsync(GoldReports.Draft(GoldReports.Lushan), default);

        Assert.True(await store.HasReportAsync("src-001", 2023, default));
        Assert.False(await store.HasReportAsync("src-001", 2022, default));
        Assert.False(await store.HasReportAsync("src-000", 2023, default));
    }

    [Fact]
    public async Task A_failed_document_stays_quarantined_with_its_error_and_context_until_it_is_done()
    {
        var store = _data.Store();
        var context = new DocumentContext
        {
            SourceId = "haidong", Url = new Uri("http://127.0.0.1/a.pdf"), PageUrl = new Uri("http://127.0.0.1/p.html"),
            Role = "ReportAttachment", LinkText = "2023年报告", YearHint = 2023, MediaType = "application/pdf", FetchedAt = DateTimeOffset.UnixEpoch,
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
    }

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

    public void Dispose() => _data.Dispose();
}
