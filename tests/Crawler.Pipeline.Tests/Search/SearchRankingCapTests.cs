using Crawler.Pipeline.Search;
using Crawler.Pipeline.Tests.Storage;

namespace Crawler.Pipeline.Tests.Search;

/// <summary>
/// The ranking cap on a real state database with a tiny cap: past it the newest matches are ranked and the total
/// says "at least"; up to it results equal those of ranking every match; filters pick versions before the cap.
/// </summary>
public sealed class SearchRankingCapTests : IDisposable
{
    private const int FirstYear = 2010;

    // Year → how often 复议 occurs: the oldest report mentions it most, so it ranks first only when every match is ranked.
    private static readonly int[] Mentions = [9, 1, 2, 3, 4, 5, 6, 7];

    private readonly TemporaryDataDirectory _data = new();
    private readonly List<long> _versions = [];

    private async Task FillAsync()
    {
        var store = _data.Store();
        var search = new SqliteReportSearch(_data.Database);
        var filler = string.Concat(Enumerable.Repeat("本年度政府信息公开工作稳步推进。", 10));
        for (var i = 0; i < Mentions.Length; i++)
        {
            var draft = GoldReports.Draft(GoldReports.Lushan, bytes: "year" + i) with { Year = FirstYear + i };
            var stored = await store.StoreVersionAsync(draft, default);
            await search.IndexAsync(stored.VersionId, filler + string.Concat(Enumerable.Repeat("办理行政复议一件。", Mentions[i])), default);
            _versions.Add(stored.VersionId);
        }
    }

    private Task<SearchResults> SearchAsync(int cap, SearchQuery query) =>
        new SqliteReportSearch(_data.Database, cap).SearchAsync(query, default);

    [Fact]
    public async Task Past_the_cap_the_newest_matches_are_ranked_by_bm25_and_the_total_is_a_lower_bound()
    {
        await FillAsync();

        var capped = await SearchAsync(3, new SearchQuery("复议"));
        var everything = await SearchAsync(SqliteReportSearch.DefaultRankingCap, new SearchQuery("复议"));

        Assert.True(capped.TotalIsLowerBound);
        Assert.Equal(3, capped.Total);
        // The newest three (2017, 2016, 2015) in order of mentions; the 2010 report with 9 mentions was not walked.
        Assert.Equal([_versions[7], _versions[6], _versions[5]], capped.Hits.Select(h => h.VersionId));
        Assert.Equal(everything.Hits.Where(h => capped.Hits.Any(c => c.VersionId == h.VersionId)).Select(h => h.Score), capped.Hits.Select(h => h.Score));
        Assert.Equal(_versions[0], everything.Hits[0].VersionId);
        Assert.False(everything.TotalIsLowerBound);
        Assert.Equal(Mentions.Length, everything.Total);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(100)]
    public async Task Up_to_the_cap_hits_scores_and_total_equal_ranking_every_match(int cap)
    {
        await FillAsync();

        var capped = await SearchAsync(cap, new SearchQuery("复议") { Limit = 5 });
        var everything = await SearchAsync(SqliteReportSearch.DefaultRankingCap, new SearchQuery("复议") { Limit = 5 });

        Assert.False(capped.TotalIsLowerBound);
        Assert.Equal(Mentions.Length, capped.Total);
        Assert.Equal(everything.Hits.Select(h => (h.VersionId, h.Score)), capped.Hits.Select(h => (h.VersionId, h.Score)));
        Assert.Equal(_versions[0], capped.Hits[0].VersionId);
    }

    [Fact]
    public async Task A_filter_for_an_old_year_finds_its_report_although_newer_matches_fill_the_cap()
    {
        await FillAsync();

        var oldest = await SearchAsync(2, new SearchQuery("复议") { Year = FirstYear });
        var second = await SearchAsync(2, new SearchQuery("复议") { Year = FirstYear + 1, Agency = "鲁山" });
        var wholeAgency = await SearchAsync(2, new SearchQuery("复议") { Agency = "鲁山" });

        Assert.Equal((1, false), (oldest.Total, oldest.TotalIsLowerBound));
        Assert.Equal(_versions[0], Assert.Single(oldest.Hits).VersionId);
        Assert.Equal(_versions[1], Assert.Single(second.Hits).VersionId);
        // Filtered queries keep the cap's meaning: the newest two of the agency's eight, and "at least 2".
        Assert.Equal((2, true), (wholeAgency.Total, wholeAgency.TotalIsLowerBound));
        Assert.Equal([_versions[7], _versions[6]], wholeAgency.Hits.Select(h => h.VersionId));
    }

    public void Dispose() => _data.Dispose();
}
