using Crawler.Pipeline.Search;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Tests.Storage.Providers;

/// <summary>Embedded search on both providers: 2-, 3- and 4-character Chinese queries, phrases, filters, ranking, the cap.</summary>
public sealed class SearchContractTests
{
    private static async Task<(IReportSearch Search, Dictionary<string, long> Versions)> IndexSeedsAsync(StoreUnderTest under)
    {
        var search = under.Search();
        var versions = new Dictionary<string, long>();
        foreach (var name in GoldReports.All)
        {
            var draft = GoldReports.Draft(name) with { Region = name == GoldReports.Haidong ? "青海省海东市" : "山东省" };
            if (name == GoldReports.LiaochengOffice)
            {
                draft = draft with { Result = draft.Result with { Findings = [new Finding(FindingCodes.BlankCells, FindingSeverity.Warning, "applications", "空白单元格")] } };
            }
            var stored = await under.Store.StoreVersionAsync(draft, default);
            await search.IndexAsync(stored.VersionId, GoldReports.SeedText(name), default);
            versions[name] = stored.VersionId;
        }
        return (search, versions);
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task Two_character_queries_find_exactly_the_reports_that_contain_them(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var (search, versions) = await IndexSeedsAsync(under);

        var business = await search.SearchAsync(new SearchQuery("商务"), default);
        var review = await search.SearchAsync(new SearchQuery("复议"), default);

        Assert.True(business.Succeeded);
        Assert.Equal(new[] { GoldReports.Liaocheng, GoldReports.Lushan, GoldReports.Huancui, GoldReports.Haidong }.Select(n => versions[n]).Order(),
            business.Hits.Select(h => h.VersionId).Order());
        Assert.Equal((4, false), (business.Total, business.TotalIsLowerBound));
        Assert.Equal(5, review.Hits.Count);
        Assert.All(review.Hits, h => Assert.Contains("【复议】", h.Snippet));
        Assert.All(business.Hits, h => Assert.Contains("【商务】", h.Snippet));
        Assert.Equal(GoldReports.SeedText(GoldReports.Haidong), await under.Texts.TextAsync(versions[GoldReports.Haidong], default));
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite, "商务局", 4)]
    [InlineData(StoreUnderTest.Sqlite, "依申请", 3)]
    [InlineData(StoreUnderTest.Sqlite, "行政复议", 5)]
    [InlineData(StoreUnderTest.Sqlite, "政府信息公开", 5)]
    [InlineData(StoreUnderTest.Sqlite, "复议 商务局", 4)]
    [PostgresRow]
    public async Task Three_and_four_character_queries_match_as_many_reports_as_contain_them(string provider, string query = "", int reports = 0)
    {
        // The PostgreSQL row runs every case of the SQLite rows (a data row of its own cannot carry arguments here).
        var cases = provider == StoreUnderTest.Sqlite
            ? [(query, reports)]
            : new[] { ("商务局", 4), ("依申请", 3), ("行政复议", 5), ("政府信息公开", 5), ("复议 商务局", 4) };
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var (search, _) = await IndexSeedsAsync(under);

        foreach (var (text, expected) in cases)
        {
            var results = await search.SearchAsync(new SearchQuery(text), default);
            Assert.True(expected == results.Total, $"{text}: {results.Total} reports, expected {expected}");
            Assert.All(results.Hits, h => Assert.Contains("【", h.Snippet));
        }
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task Longer_mixed_and_prefix_queries_match_as_phrases(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var (search, versions) = await IndexSeedsAsync(under);

        var office = await search.SearchAsync(new SearchQuery("人民政府办公室"), default);
        var huancui = await search.SearchAsync(new SearchQuery("环翠区商务局"), default);
        var nothing = await search.SearchAsync(new SearchQuery("商务复议"), default);
        var year = await search.SearchAsync(new SearchQuery("2023年"), default);
        var quoted = await search.SearchAsync(new SearchQuery("“行政复议”"), default);

        Assert.Contains(versions[GoldReports.LiaochengOffice], office.Hits.Select(h => h.VersionId));
        Assert.Equal(versions[GoldReports.Huancui], Assert.Single(huancui.Hits).VersionId);
        Assert.Equal("威海市环翠区商务局", huancui.Hits[0].Agency);
        Assert.Empty(nothing.Hits);
        Assert.Equal(5, year.Total);
        Assert.Equal(5, quoted.Total);
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task Filters_narrow_by_agency_region_year_and_finding_code(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var (search, versions) = await IndexSeedsAsync(under);

        var liaocheng = await search.SearchAsync(new SearchQuery("复议") { Agency = "聊城市" }, default);
        var qinghai = await search.SearchAsync(new SearchQuery("复议") { Region = "青海" }, default);
        var blank = await search.SearchAsync(new SearchQuery("复议") { FindingCode = "blank_cells" }, default);
        var otherYear = await search.SearchAsync(new SearchQuery("复议") { Year = 2022 }, default);
        var thisYear = await search.SearchAsync(new SearchQuery("复议") { Year = 2023, Limit = 2 }, default);

        Assert.Equal(new[] { versions[GoldReports.Liaocheng], versions[GoldReports.LiaochengOffice] }.Order(), liaocheng.Hits.Select(h => h.VersionId).Order());
        Assert.Equal(versions[GoldReports.Haidong], Assert.Single(qinghai.Hits).VersionId);
        var hit = Assert.Single(blank.Hits);
        Assert.Equal((versions[GoldReports.LiaochengOffice], "BLANK_CELLS"), (hit.VersionId, Assert.Single(hit.FindingCodes)));
        Assert.Empty(otherYear.Hits);
        Assert.Equal((2, 5), (thisYear.Hits.Count, thisYear.Total));
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task The_report_mentioning_the_term_more_often_ranks_first(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var search = under.Search();
        var filler = string.Concat(Enumerable.Repeat("本年度政府信息公开工作稳步推进。", 20));
        var once = await under.Store.StoreVersionAsync(GoldReports.Draft(GoldReports.Lushan, bytes: "a"), default);
        var thrice = await under.Store.StoreVersionAsync(GoldReports.Draft(GoldReports.Haidong, bytes: "b"), default);
        await search.IndexAsync(once.VersionId, filler + "收到行政复议申请1件。", default);
        await search.IndexAsync(thrice.VersionId, filler + "行政复议1件，复议维持，复议结果已公开。", default);

        var results = await search.SearchAsync(new SearchQuery("复议"), default);

        Assert.Equal([thrice.VersionId, once.VersionId], results.Hits.Select(h => h.VersionId));
        Assert.True(results.Hits[0].Score > results.Hits[1].Score);
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task Only_the_latest_version_is_searched_unless_all_versions_are_asked_for_and_reindexing_replaces(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var search = under.Search();
        var v1 = await under.Store.StoreVersionAsync(GoldReports.Draft(GoldReports.Lushan, bytes: "v1"), default);
        var v2 = await under.Store.StoreVersionAsync(GoldReports.Draft(GoldReports.Lushan, bytes: "v2"), default);
        await search.IndexAsync(v1.VersionId, "行政复议 旧版", default);
        await search.IndexAsync(v2.VersionId, "行政复议 旧版", default);
        await search.IndexAsync(v2.VersionId, "行政复议 更正版", default);

        Assert.Equal(v2.VersionId, Assert.Single((await search.SearchAsync(new SearchQuery("复议"), default)).Hits).VersionId);
        Assert.Equal(2, (await search.SearchAsync(new SearchQuery("复议") { AllVersions = true }, default)).Hits.Count);
        Assert.Empty((await search.SearchAsync(new SearchQuery("旧版"), default)).Hits);
        Assert.Equal(v1.VersionId, Assert.Single((await search.SearchAsync(new SearchQuery("旧版") { AllVersions = true }, default)).Hits).VersionId);
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task Empty_single_character_and_oversized_queries_are_refused_with_a_reason(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var (search, _) = await IndexSeedsAsync(under);

        Assert.Contains("查询为空", (await search.SearchAsync(new SearchQuery(""), default)).Error);
        Assert.Contains("单个汉字", (await search.SearchAsync(new SearchQuery("局"), default)).Error);
        Assert.Contains("--limit", (await search.SearchAsync(new SearchQuery("复议") { Limit = 501 }, default)).Error);
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task Past_the_ranking_cap_the_newest_matches_are_ranked_and_the_total_is_a_lower_bound(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var filler = string.Concat(Enumerable.Repeat("本年度政府信息公开工作稳步推进。", 10));
        int[] mentions = [9, 1, 2, 3, 4, 5, 6, 7];
        var ids = new List<long>();
        for (var i = 0; i < mentions.Length; i++)
        {
            var stored = await under.Store.StoreVersionAsync(GoldReports.Draft(GoldReports.Lushan, bytes: "year" + i) with { Year = 2010 + i }, default);
            await under.Search().IndexAsync(stored.VersionId, filler + string.Concat(Enumerable.Repeat("办理行政复议一件。", mentions[i])), default);
            ids.Add(stored.VersionId);
        }

        var capped = await under.Search(rankingCap: 3).SearchAsync(new SearchQuery("复议"), default);
        var full = await under.Search(rankingCap: 8).SearchAsync(new SearchQuery("复议"), default);

        Assert.Equal((3, true), (capped.Total, capped.TotalIsLowerBound));
        Assert.Equal([ids[7], ids[6], ids[5]], capped.Hits.Select(h => h.VersionId));
        Assert.Equal((8, false), (full.Total, full.TotalIsLowerBound));
        Assert.Equal(ids[0], full.Hits[0].VersionId);
    }
}
