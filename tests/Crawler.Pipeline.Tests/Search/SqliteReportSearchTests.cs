using System.Diagnostics;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Storage;
using Crawler.Reports.Model;
using Xunit.Abstractions;

namespace Crawler.Pipeline.Tests.Search;

public sealed class SqliteReportSearchTests(ITestOutputHelper log) : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();
    private readonly Dictionary<string, long> _versions = new();

    private async Task<SqliteReportSearch> IndexSeedsAsync()
    {
        var store = _data.Store();
        var search = new SqliteReportSearch(_data.Database);
        foreach (var name in GoldReports.All)
        {
            var draft = GoldReports.Draft(name) with { Region = name == GoldReports.Haidong ? "青海省海东市" : "山东省" };
            if (name == GoldReports.LiaochengOffice)
            {
                draft = draft with { Result = draft.Result with { Findings = [new Finding(FindingCodes.BlankCells, FindingSeverity.Warning, "applications", "空白单元格")] } };
            }
            var stored = await store.StoreVersionAsync(draft, default);
            await search.IndexAsync(stored.VersionId, GoldReports.SeedText(name), default);
            _versions[name] = stored.VersionId;
        }
        return search;
    }

    [Fact]
    public async Task Two_character_queries_find_exactly_the_reports_that_contain_them()
    {
        var search = await IndexSeedsAsync();

        var business = await search.SearchAsync(new SearchQuery("商务"), default);
        var review = await search.SearchAsync(new SearchQuery("复议"), default);

        Assert.True(business.Succeeded);
        Assert.Equal(
            new[] { GoldReports.Liaocheng, GoldReports.Lushan, GoldReports.Huancui, GoldReports.Haidong }.Select(n => _versions[n]).Order(),
            business.Hits.Select(h => h.VersionId).Order());
        Assert.Equal(4, business.Total);
        Assert.Equal(5, review.Hits.Count);
        Assert.All(review.Hits, h => Assert.Contains("【复议】", h.Snippet));
        Assert.All(business.Hits, h => Assert.Contains("【商务】", h.Snippet));
    }

    [Theory]
    [InlineData("商务局", 4)]
    [InlineData("依申请", 3)]
    [InlineData("行政复议", 5)]
    [InlineData("政府信息公开", 5)]
    [InlineData("复议 商务局", 4)]
    public async Task Three_and_four_character_queries_match_as_many_reports_as_contain_them(string query, int reports)
    {
        var search = await IndexSeedsAsync();

        var results = await search.SearchAsync(new SearchQuery(query), default);

        Assert.Equal(reports, results.Total);
        Assert.All(results.Hits, h => Assert.Contains("【", h.Snippet));
    }

    [Fact]
    public async Task Longer_and_mixed_queries_match_as_phrases()
    {
        var search = await IndexSeedsAsync();

        var office = await search.SearchAsync(new SearchQuery("人民政府办公室"), default);
        var huancui = await search.SearchAsync(new SearchQuery("环翠区商务局"), default);
        var nothing = await search.SearchAsync(new SearchQuery("商务复议"), default);

        Assert.Contains(_versions[GoldReports.LiaochengOffice], office.Hits.Select(h => h.VersionId));
        Assert.Equal(_versions[GoldReports.Huancui], Assert.Single(huancui.Hits).VersionId);
        Assert.Equal("威海市环翠区商务局", huancui.Hits[0].Agency);
        Assert.Empty(nothing.Hits);
    }

    [Fact]
    public async Task Filters_narrow_by_agency_region_year_and_finding_code()
    {
        var search = await IndexSeedsAsync();

        var liaocheng = await search.SearchAsync(new SearchQuery("复议") { Agency = "聊城市" }, default);
        var qinghai = await search.SearchAsync(new SearchQuery("复议") { Region = "青海" }, default);
        var blank = await search.SearchAsync(new SearchQuery("复议") { FindingCode = "blank_cells" }, default);
        var otherYear = await search.SearchAsync(new SearchQuery("复议") { Year = 2022 }, default);
        var thisYear = await search.SearchAsync(new SearchQuery("复议") { Year = 2023, Limit = 2 }, default);

        Assert.Equal(new[] { _versions[GoldReports.Liaocheng], _versions[GoldReports.LiaochengOffice] }.Order(), liaocheng.Hits.Select(h => h.VersionId).Order());
        Assert.Equal(_versions[GoldReports.Haidong], Assert.Single(qinghai.Hits).VersionId);
        var hit = Assert.Single(blank.Hits);
        Assert.Equal((_versions[GoldReports.LiaochengOffice], "BLANK_CELLS"), (hit.VersionId, Assert.Single(hit.FindingCodes)));
        Assert.Empty(otherYear.Hits);
        Assert.Equal((2, 5), (thisYear.Hits.Count, thisYear.Total));
    }

    [Fact]
    public async Task The_report_mentioning_the_term_more_often_ranks_first()
    {
        var store = _data.Store();
        var search = new SqliteReportSearch(_data.Database);
        var filler = string.Concat(Enumerable.Repeat("本年度政府信息公开工作稳步推进。", 20));
        var once = await store.StoreVersionAsync(GoldReports.Draft(GoldReports.Lushan, bytes: "a"), default);
        var thrice = await store.StoreVersionAsync(GoldReports.Draft(GoldReports.Haidong, bytes: "b"), default);
        await search.IndexAsync(once.VersionId, filler + "收到行政复议申请1件。", default);
        await search.IndexAsync(thrice.VersionId, filler + "行政复议1件，复议维持，复议结果已公开。", default);

        var results = await search.SearchAsync(new SearchQuery("复议"), default);

        Assert.Equal([thrice.VersionId, once.VersionId], results.Hits.Select(h => h.VersionId));
        Assert.True(results.Hits[0].Score > results.Hits[1].Score);
    }

    [Fact]
    public async Task Only_the_latest_version_is_searched_unless_all_versions_are_asked_for_and_reindexing_replaces()
    {
        var store = _data.Store();
        var search = new SqliteReportSearch(_data.Database);
        var v1 = await store.StoreVersionAsync(GoldReports.Draft(GoldReports.Lushan, bytes: "v1"), default);
        var v2 = await store.StoreVersionAsync(GoldReports.Draft(GoldReports.Lushan, bytes: "v2"), default);
        await search.IndexAsync(v1.VersionId, "行政复议 旧版", default);
        await search.IndexAsync(v2.VersionId, "行政复议 更正版", default);
        await search.IndexAsync(v2.VersionId, "行政复议 更正版", default);

        Assert.Equal(v2.VersionId, Assert.Single((await search.SearchAsync(new SearchQuery("复议"), default)).Hits).VersionId);
        Assert.Equal(2, (await search.SearchAsync(new SearchQuery("复议") { AllVersions = true }, default)).Hits.Count);
        Assert.Empty((await search.SearchAsync(new SearchQuery("旧版"), default)).Hits);
    }

    [Theory]
    [InlineData("", "查询为空")]
    [InlineData("局", "单个汉字")]
    public async Task Empty_and_single_character_queries_are_refused_not_answered_with_nothing(string query, string reason)
    {
        var search = await IndexSeedsAsync();

        var results = await search.SearchAsync(new SearchQuery(query), default);

        Assert.False(results.Succeeded);
        Assert.Contains(reason, results.Error);
    }

    [Fact]
    public async Task A_two_character_query_over_hundreds_of_reports_answers_well_within_a_second()
    {
        var store = _data.Store();
        var search = new SqliteReportSearch(_data.Database);
        var texts = GoldReports.All.Select(GoldReports.SeedText).ToList();
        for (var i = 0; i < 500; i++)
        {
            var draft = GoldReports.Draft(GoldReports.All[i % 5], bytes: "doc" + i) with { Year = 1000 + i };
            var stored = await store.StoreVersionAsync(draft, default);
            await search.IndexAsync(stored.VersionId, texts[i % 5], default);
        }
        await search.SearchAsync(new SearchQuery("复议") { Limit = 10 }, default);

        var clock = Stopwatch.StartNew();
        var results = await search.SearchAsync(new SearchQuery("复议") { Limit = 10 }, default);
        clock.Stop();

        log.WriteLine($"复议 over 500 versions: {clock.Elapsed.TotalMilliseconds:0.00} ms (with snippets for 10 hits)");
        Assert.Equal((10, 500), (results.Hits.Count, results.Total));
        Assert.True(clock.ElapsedMilliseconds < 1000, $"took {clock.ElapsedMilliseconds} ms");
    }

    public void Dispose() => _data.Dispose();
}
